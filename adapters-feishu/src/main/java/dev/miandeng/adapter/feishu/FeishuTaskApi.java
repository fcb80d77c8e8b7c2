package dev.miandeng.adapter.feishu;

import dev.miandeng.adapter.feishu.FeishuWire.TaskListReply;
import feign.Headers;
import feign.Param;
import feign.RequestLine;

/**
 * Task v2 calls made as the user (Feishu doc "列取任务列表", {@code
 * https://open.feishu.cn/document/task-v2/task/list}). Reads: {@link SafeRetry} may repeat them.
 */
interface FeishuTaskApi {

  /**
   * {@code GET /open-apis/task/v2/tasks}: the tasks the user is responsible for ("我负责的", {@code
   * type=my_tasks}, the only type), one page of {@code page_size} (1-100). Needs the scope {@code
   * task:task:read} or {@code task:task:write} under the user's identity.
   */
  @RequestLine(
      "GET /open-apis/task/v2/tasks?type=my_tasks&page_size={pageSize}&user_id_type=open_id")
  @Headers("Authorization: Bearer {userAccessToken}")
  TaskListReply listMyTasks(
      @Param("userAccessToken") String userAccessToken, @Param("pageSize") int pageSize);
}
