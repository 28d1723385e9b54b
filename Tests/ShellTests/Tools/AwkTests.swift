import Shell
import Testing

/// Cases checked against GNU coreutils 9.1, grep 3.8, mawk 1.3.4 and bash
/// 5.2 builtins on Debian 12 with `LC_ALL=C`.
@Suite("awk")
struct AwkTests {
  static let cases: [ToolCase] = [
    ToolCase(
      "awk", ["{print $1}", "pods.txt"],
      stdout: "NAME\nweb-1\nweb-2\napi-1\n"),
    ToolCase(
      "awk", ["NR>1 {print $1, $3}", "pods.txt"],
      stdout: "web-1 Running\nweb-2 Pending\napi-1 Running\n"),
    ToolCase(
      "awk", ["-F:", "{print $2}"],
      stdin: "a:b:c\n",
      stdout: "b\n"),
    ToolCase(
      "awk", ["/web/ {print}", "pods.txt"],
      stdout: "web-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\n"),
    ToolCase(
      "awk", ["{print $NF}", "pods.txt"],
      stdout: "AGE\n5m\n1m\n10m\n"),
    ToolCase(
      "awk", ["{print $(NF-1)}", "pods.txt"],
      stdout: "RESTARTS\n0\n0\n3\n"),
    ToolCase(
      "awk", ["$3 == \"Running\" {print $1}", "pods.txt"],
      stdout: "web-1\napi-1\n"),
    ToolCase(
      "awk", ["{sum += $4} END {print sum}", "pods.txt"],
      stdout: "3\n"),
    ToolCase(
      "awk", ["NR > 1 {n++} END {print n \" pods\"}", "pods.txt"],
      stdout: "3 pods\n"),
    ToolCase(
      "awk", ["{print NR\": \"$0}", "pods.txt"],
      stdout:
        "1: NAME READY STATUS RESTARTS AGE\n2: web-1 1/1 Running 0 5m\n3: web-2 0/1 Pending 0 1m\n4: api-1 1/1 Running 3 10m\n"
    ),
    ToolCase(
      "awk", ["{print $1,$2}", "OFS=,", "pods.txt"],
      stdout: "NAME,READY\nweb-1,1/1\nweb-2,0/1\napi-1,1/1\n"),
    ToolCase(
      "awk", ["BEGIN {print 1/3, 10/2, 2^10, 1e3, 0.1+0.2, 100000000}"],
      stdout: "0.333333 5 1024 1000 0.3 100000000\n"),
    ToolCase(
      "awk", ["{ if ($4 > 0) print $1; else print \"none\" }", "pods.txt"],
      stdout: "NAME\nnone\nnone\napi-1\n"),
    ToolCase(
      "awk", ["length($1) > 4", "pods.txt"],
      stdout: "web-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\napi-1 1/1 Running 3 10m\n"),
    ToolCase(
      "awk", ["{printf \"%-8s %s\\n\", $1, $3}", "pods.txt"],
      stdout: "NAME     STATUS\nweb-1    Running\nweb-2    Pending\napi-1    Running\n"),
    ToolCase(
      "awk", ["{print substr($1, 1, 3), toupper($3), tolower(\"ABC\")}", "pods.txt"],
      stdout: "NAM STATUS abc\nweb RUNNING abc\nweb PENDING abc\napi RUNNING abc\n"),
    ToolCase(
      "awk", ["{gsub(/-/, \"_\"); print}", "pods.txt"],
      stdout:
        "NAME READY STATUS RESTARTS AGE\nweb_1 1/1 Running 0 5m\nweb_2 0/1 Pending 0 1m\napi_1 1/1 Running 3 10m\n"
    ),
    ToolCase(
      "awk", ["-F\\t", "{print $2}"],
      stdin: "a\tb\tc\n",
      stdout: "b\n"),
    ToolCase(
      "awk", ["-v", "name=world", "BEGIN {print \"hello \" name}"],
      stdout: "hello world\n"),
    ToolCase(
      "awk", ["{$2 = \"X\"; print; print NF}"],
      stdin: "a b c\n",
      stdout: "a X c\n3\n"),
    ToolCase(
      "awk", ["{NF = 2; print}"],
      stdin: "a b c\n",
      stdout: "a b\n"),
    ToolCase(
      "awk", ["BEGIN {FS=\":\"; OFS=\"-\"} {$1=$1; print}"],
      stdin: "a:b:c\n",
      stdout: "a-b-c\n"),
    ToolCase(
      "awk", ["{s[$1]+=$2} END {print s[\"x\"], s[\"y\"], length(s)}"],
      stdin: "x 1\ny 2\nx 3\n",
      stdout: "4 2 2\n"),
    ToolCase(
      "awk", ["{print length, length($1), index($0, \"wor\")}"],
      stdin: "hello world\n",
      stdout: "11 5 7\n"),
    ToolCase(
      "awk", ["{n = split($0, parts, \"-\"); print n, parts[3]}"],
      stdin: "a-b-c\n",
      stdout: "3 c\n"),
    ToolCase(
      "awk", ["{print gsub(/a/, \"b\"), $0}"],
      stdin: "aaa\n",
      stdout: "3 bbb\n"),
    ToolCase(
      "awk", ["{sub(/o+/, \"[&]\"); print}"],
      stdin: "foo bar\n",
      stdout: "f[oo] bar\n"),
    ToolCase(
      "awk", ["{print match($0, /ca/), RSTART, RLENGTH}"],
      stdin: "abcabc\n",
      stdout: "3 3 2\n"),
    ToolCase(
      "awk", ["BEGIN { for (i = 1; i <= 3; i++) printf \"%d,\", i; print \"\" }"],
      stdout: "1,2,3,\n"),
    ToolCase(
      "awk", ["BEGIN { i = 0; while (i < 2) { print \"w\" i; i++ } }"],
      stdout: "w0\nw1\n"),
    ToolCase(
      "awk",
      [
        "BEGIN { x[\"a\"]; if (\"a\" in x) print \"in\"; delete x[\"a\"]; if (!(\"a\" in x)) print \"gone\" }"
      ],
      stdout: "in\ngone\n"),
    ToolCase(
      "awk", ["NR==2 {next} {print}"],
      stdin: "a\nb\nc\n",
      stdout: "a\nc\n"),
    ToolCase(
      "awk", ["NR==1 {exit} {print} END {print \"end\"}"],
      stdin: "a\nb\n",
      stdout: "end\n"),
    ToolCase(
      "awk", ["BEGIN { exit 3 }"],
      stdout: "",
      status: 3),
    ToolCase(
      "awk", ["{print $1 * 2, $1 / 4, $1 % 3, -$1, $1 ^ 2}"],
      stdin: "7\n",
      stdout: "14 1.75 1 -7 49\n"),
    ToolCase(
      "awk", ["{print ($1 == $2), (\"1.0\" == 1), ($1 > 9)}"],
      stdin: "1.0 1\n",
      stdout: "1 0 0\n"),
    ToolCase(
      "awk", ["{print ($1 > $2), ($1\"\" > $2\"\")}"],
      stdin: "10 9\n",
      stdout: "1 0\n"),
    ToolCase(
      "awk", ["{print; $0 = \"c d e\"; print NF, $3}"],
      stdin: "a b\n",
      stdout: "a b\n3 e\n"),
    ToolCase(
      "awk", ["-F[,;]", "{print $2, $3}"],
      stdin: "a,b;c\n",
      stdout: "b c\n"),
    ToolCase(
      "awk", ["END {print $0, NR}", "pods.txt"],
      stdout: "api-1 1/1 Running 3 10m 4\n"),
    ToolCase(
      "awk", ["$4 ~ /^[1-9]/ {print $1}", "pods.txt"],
      stdout: "api-1\n"),
    ToolCase(
      "awk", ["$1 !~ /web/", "pods.txt"],
      stdout: "NAME READY STATUS RESTARTS AGE\napi-1 1/1 Running 3 10m\n"),
    ToolCase(
      "awk", ["NR==2, NR==3", "pods.txt"],
      stdout: "web-1 1/1 Running 0 5m\nweb-2 0/1 Pending 0 1m\n"),
    ToolCase(
      "awk", ["BEGIN{printf \"%d %s %5.2f|%c|%c\\n\", 3.9, \"s\", 2.345, 65, \"hello\"}"],
      stdout: "3 s  2.35|A|h\n"),
    ToolCase(
      "awk", ["{ x = $1 } END { print x }"],
      stdin: "first\nlast\n",
      stdout: "last\n"),
    ToolCase(
      "awk", ["BEGIN { print length(\"abc\") \"\" 1 }"],
      stdout: "31\n"),
    ToolCase(
      "awk", ["{print $1}", "nofile.txt"],
      stdout: "",
      stderr: "awk: cannot open nofile.txt (No such file or directory)\n",
      status: 2),
    ToolCase(
      "awk", ["{print $1"],
      stdout: "",
      stderr: "awk: line 2: missing } near end of file\n",
      status: 2),
    ToolCase(
      "awk", ["{print $1}}"],
      stdout: "",
      stderr: "awk: line 1: extra '}'\nawk: line 1: syntax error at or near end of line\n",
      status: 2),
    ToolCase(
      "awk", ["BEGIN { print 1 }", "; print"],
      stdout: "1\n"),
  ]

  @Test(arguments: cases)
  func matchesGNU(_ tool: ToolCase) {
    #expect(tool.run() == tool.expected)
  }
}
