package dev.miandeng.adapter.feishu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.adapter.feishu.FeishuErrorTable.Outcome;
import dev.miandeng.adapter.feishu.FeishuErrorTable.Rule;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/feishu-errors.md and FeishuErrorTable are the same table: a code in one is in the other. */
class FeishuErrorTableDocTest {

  @Test
  @DisplayName(
      "REL-07 every classified code has exactly one row in docs/feishu-errors.md, and back")
  void documentAndClassifierListTheSameCodes() {
    Map<Integer, Long> rowsPerCode =
        FeishuErrorsDoc.rows().stream()
            .collect(Collectors.groupingBy(FeishuErrorsDoc.Row::code, Collectors.counting()));

    assertThat(rowsPerCode).as("rows of %s", FeishuErrorsDoc.FILE).isNotEmpty();
    assertThat(rowsPerCode.keySet()).containsExactlyInAnyOrderElementsOf(FeishuErrorTable.codes());
    assertThat(rowsPerCode)
        .allSatisfy((code, rows) -> assertThat(rows).as("rows for %d", code).isEqualTo(1));
  }

  @Test
  @DisplayName("REL-07 each row's outcome is the outcome the classifier decides")
  void documentAndClassifierAgreeOnOutcomes() {
    Map<Integer, Outcome> documented =
        FeishuErrorsDoc.rows().stream()
            .collect(Collectors.toMap(FeishuErrorsDoc.Row::code, FeishuErrorsDoc.Row::outcome));
    Map<Integer, Outcome> decided =
        FeishuErrorTable.codes().stream()
            .map(code -> FeishuErrorTable.ruleFor(code).orElseThrow())
            .collect(Collectors.toMap(Rule::code, Rule::outcome));

    assertThat(documented).isEqualTo(decided);
  }

  @Test
  @DisplayName("every misconfigured code says what to fix and where in the developer console")
  void everyMisconfiguredRuleNamesTheConsolePage() {
    assertThat(
            FeishuErrorTable.codes().stream()
                .map(code -> FeishuErrorTable.ruleFor(code).orElseThrow())
                .filter(rule -> rule.outcome() == Outcome.MISCONFIGURED)
                .collect(Collectors.toMap(Rule::code, Function.identity())))
        .isNotEmpty()
        .allSatisfy((code, rule) -> assertThat(rule.advice()).contains("developer console"));
  }
}
