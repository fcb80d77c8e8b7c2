export const marker = "test-asset";
