import Foundation
import KubeCluster
import Kubectl
import KubetutorTestSupport
import Testing

/// Compares the emitters with the real kubectl 1.32 client, byte for byte:
/// each client-side command's `-o json` output is decoded with
/// `ManifestDecoder`, then printed again as YAML (must equal the command's
/// `-o yaml`) and as JSON in the same key order (must equal `-o json`).
@Suite(.enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 client"))
struct RealKubectlOracleTests {
  static let longText =
    "a very long text with spaces that goes on and on and on well beyond eighty columns of width, "
    + "then keeps going for another line or two so that the folding happens more than once"

  /// Client-side commands; each runs with `--dry-run=client -o json` and `-o yaml`.
  static let commands: [[String]] = [
    [
      "create", "configmap", "numbers", "--from-literal=int=1", "--from-literal=float=1.5",
      "--from-literal=hex=0x1F", "--from-literal=octal=017", "--from-literal=exp=1e3",
      "--from-literal=leading0=08", "--from-literal=big=1e400", "--from-literal=sexagesimal=1:20",
      "--from-literal=underscore=1_000", "--from-literal=inf=.inf",
    ],
    [
      "create", "configmap", "words", "--from-literal=yes=yes", "--from-literal=no=No",
      "--from-literal=on=ON", "--from-literal=y=y", "--from-literal=true=true",
      "--from-literal=null=null",
      "--from-literal=tilde=~", "--from-literal=empty=", "--from-literal=merge=<<",
      "--from-literal=date=2024-01-01", "--from-literal=datetime=2024-01-01T10:00:00Z",
      "--from-literal=baddate=2024-02-30",
    ],
    ["create", "configmap", "resolution-edges"]
      + [
        "nULL", "yEs", "._5", ".5_0", "0x", "-", "2024-01-01T10:00:00", "2024-01-01T10:00:00+09:00",
        "2024-01-01 10:00:00.5", "2024-02-29", "2023-02-29", "2024-1-1 10:00:00",
        "2024-01-01t10:00:00Z",
        "2024-01-01T10:00:00+9:00", "2024-01-01T24:00:00Z", "2024-01-01  10:00:00", "+", "+.5",
        "-0b11",
        "1__0", "0b2", "1.e5", "1e+5", "+1", "1_", ".e5", "...", ":", "0o8", "1:60", "1:5:30.5",
        "1_0:20",
        "0b1111111111111111111111111111111111111111111111111111111111111111", "0xFFFFFFFFFFFFFFFF",
        "-9223372036854775808", "-9223372036854775809", "1e308", "1e309", "-.INF", ".NaN", ".nan.",
      ].enumerated().map { "--from-literal=k\($0.offset)=\($0.element)" },
    [
      "create", "configmap", "indicators", "--from-literal=colon=a: b", "--from-literal=hash=#x",
      "--from-literal=inner-hash=a #b", "--from-literal=star=*x", "--from-literal=amp=&x",
      "--from-literal=bang=!x", "--from-literal=percent=%x", "--from-literal=at=@x",
      "--from-literal=tick=`x", "--from-literal=brace={x}", "--from-literal=bracket=[x]",
      "--from-literal=dash=- x", "--from-literal=dash2=-x", "--from-literal=question=? x",
      "--from-literal=question2=?x", "--from-literal=colon2=:x", "--from-literal=dashes=---",
      "--from-literal=dots=...", "--from-literal=quote=it's", "--from-literal=dquote=say \"hi\"",
      "--from-literal=pipe=|x", "--from-literal=gt=>x", "--from-literal=comma=a,b",
    ],
    [
      "create", "configmap", "spaces", "--from-literal=lead=  lead", "--from-literal=trail=trail  ",
      "--from-literal=tab=a\tb", "--from-literal=only= ", "--from-literal=inner=a  b",
    ],
    [
      "create", "configmap", "multiline", "--from-literal=clip=line1\nline2\n",
      "--from-literal=strip=line1\nline2", "--from-literal=keep=line1\n\n",
      "--from-literal=lead=\n  indented\n", "--from-literal=space-break=x \ny",
      "--from-literal=break-space=x\n y", "--from-literal=blank=a\n\nb\n",
      "--from-literal=crlf=a\r\nb\r\n", "--from-literal=lone=\n", "--from-literal=tabbed=a\n\tb\n",
    ],
    [
      "create", "configmap", "unicode", "--from-literal=korean=안녕하세요 쿠버네티스",
      "--from-literal=emoji=😀 hi", "--from-literal=nbsp=a\u{00A0}b", "--from-literal=nel=a\u{85}b",
      "--from-literal=nel2=a \u{85}\u{85} b", "--from-literal=ls=a\u{2028}b",
      "--from-literal=bom=\u{FEFF}ab", "--from-literal=html=<a href=\"x\">&amp;</a>",
      "--from-literal=controls=\u{01}\u{08}\u{0C}\u{1B}",
    ],
    [
      "create", "configmap", "long", "--from-literal=plain=\(longText)",
      "--from-literal=quoted=\"\(longText)\"", "--from-literal=single=#\(longText)",
      "--from-literal=double=\(longText) \n\(longText)",
      "--from-literal=literal=\(longText)\n\(longText)\n",
      "--from-literal=korean=\(String(repeating: "쿠버네티스 ", count: 30))end",
      "--from-literal=spaces=\(String(repeating: "word  ", count: 30))end",
      "--from-literal=nospace=\(String(repeating: "x", count: 150))",
    ],
    [
      "create", "configmap", "keys", "--from-literal=a10=1", "--from-literal=a9=2",
      "--from-literal=a09=3",
      "--from-literal=A=4", "--from-literal=_b=5", "--from-literal=1=6", "--from-literal=10=7",
      "--from-literal=2=8", "--from-literal=x.y=9", "--from-literal=x-y=10", "--from-literal=y=11",
      "--from-literal=\(String(repeating: "k", count: 130))=12",
    ],
    [
      "create", "secret", "generic", "creds", "--from-literal=username=admin",
      "--from-literal=password=s3cr3t!", "--type=Opaque",
    ],
    [
      "create", "secret", "docker-registry", "regcred", "--docker-server=registry.example.com",
      "--docker-username=me", "--docker-password=pw", "--docker-email=me@example.com",
    ],
    ["create", "secret", "generic", "binary", "--from-literal=nul=a\u{01}b"],
    ["create", "deployment", "web", "--image=nginx:1.27", "--replicas=3", "--port=80"],
    ["create", "deployment", "multi", "--image=nginx", "--image=busybox:1.36"],
    [
      "create", "deployment", "sleeper", "--image=busybox", "--", "sh", "-c",
      "echo \"$HOME\" && sleep 3600",
    ],
    ["create", "service", "clusterip", "web", "--tcp=80:8080", "--tcp=443:8443"],
    ["create", "service", "clusterip", "headless", "--clusterip=None"],
    ["create", "service", "nodeport", "web-np", "--tcp=80:8080", "--node-port=30080"],
    ["create", "service", "loadbalancer", "web-lb", "--tcp=80:8080"],
    ["create", "service", "externalname", "db", "--external-name=db.example.com"],
    [
      "create", "job", "pi", "--image=perl:5.34", "--", "perl", "-Mbignum=bpi", "-wle",
      "print bpi(2000)",
    ],
    [
      "create", "cronjob", "nightly", "--image=busybox", "--schedule=0 3 * * *", "--", "echo",
      "hello: world",
    ],
    [
      "create", "ingress", "web", "--rule=example.com/=web:80",
      "--rule=example.com/api*=api:8080,tls=cert",
      "--annotation=nginx.ingress.kubernetes.io/rewrite-target=/", "--class=nginx",
    ],
    ["create", "namespace", "team-a"],
    ["create", "serviceaccount", "robot"],
    [
      "create", "quota", "limits", "--hard=cpu=1,memory=1G,pods=10,requests.storage=10Gi",
      "--scopes=NotTerminating",
    ],
    [
      "create", "rolebinding", "reader-binding", "--role=reader", "--user=alice", "--group=devs",
      "--serviceaccount=default:robot",
    ],
    ["create", "clusterrolebinding", "admins", "--clusterrole=cluster-admin", "--user=root"],
    ["create", "poddisruptionbudget", "web-pdb", "--selector=app=web", "--min-available=50%"],
    ["create", "priorityclass", "high", "--value=1000000", "--description=important things"],
    ["create", "configmap", "from-env", "--from-env-file=/dev/null"],
  ]

  /// `command` with the output flags, placed before any `--`.
  static func withOutput(_ command: [String], _ format: String) -> [String] {
    let split = command.firstIndex(of: "--") ?? command.endIndex
    return command[..<split] + ["--dry-run=client", "-o", format] + command[split...]
  }

  @Test(arguments: commands)
  func yamlAndJSONMatchRealKubectl(command: [String]) throws {
    let json = try RealKubectl.run(Self.withOutput(command, "json"))
    let yaml = try RealKubectl.run(Self.withOutput(command, "yaml"))
    try #require(json.exitCode == 0, "\(json.stderr)")
    try #require(yaml.exitCode == 0, "\(yaml.stderr)")

    let documents = try ManifestDecoder.decode(json.stdout)

    try #require(documents.count == 1)
    #expect(YAMLEmitter.emit(documents[0].value) == yaml.stdout)
    #expect(JSONEmitter.emit(documents[0].value, sortKeys: false) == json.stdout)
  }
}
