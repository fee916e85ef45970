import TCBQQuery
import Testing

/// When Enter runs the input in the interactive shell.
struct CompletenessTests {
  @Test(arguments: [
    ("select * from envs", true),
    ("select * from envs;", true),
    ("select env_id,", false),
    // A select without `from` is complete (`select 1 + 1`).
    ("select env_id,\n  status", true),
    ("select env_id,\n  status\nfrom envs", true),
    ("select * from envs where", false),
    ("select * from envs where status =", false),
    ("select * from envs where (status = 'x'", false),
    ("select count(", false),
    ("select 'unterminated", false),
    ("select 'unterminated;", false),
    ("select \"unterminated", false),
    ("select 1 from t /* open comment", false),
    ("select 1 from t -- comment", true),
    ("select", false),
    ("select *", true),
    ("select * from", false),
    ("select * from envs e join tags t on", false),
    ("select * from envs order by", false),
    ("select * from envs where a between 1", false),
    ("select * from envs where a in (1, 2", false),
    ("shares of", false),
    ("shares of wx1,", false),
    ("shares of wx1", true),
    ("share prod-1 with", false),
    ("show", false),
    ("show tables", true),
    ("refresh", true),
    ("explain", false),
    (".mode csv", true),
    (".mode 'csv", true),
    ("", true),
    ("   \n  ", true),
    ("-- only a comment", true),
    // Errors that more input cannot mend run at once, to show them.
    ("selct * from envs", true),
    ("select * form envs", true),
    ("select (1;", true),
    ("select * from envs where;", true),
    ("select 1 from a\nselect", false),
    ("select *\n.mode csv", true),
  ])
  func complete(_ text: String, _ expected: Bool) {
    #expect(statementIsComplete(text) == expected)
  }
}
