import Foundation
import KubeCluster
import Kubectl
import KubetutorTestSupport
import Testing

/// `kubectl get` with JSONPath, custom columns, go-template and sort-by on
/// a seeded cluster: exact output.
@Suite("Template printers on get")
struct TemplateEngineTests {
  static func cluster() -> Cluster {
    var cluster = Cluster.kind()
    for (name, image) in [("b", "nginx"), ("a10", "redis"), ("a9", "httpd")] {
      _ = CommandRunner.run(["run", name, "--image=\(image)", "--labels=app=\(name)"], cluster: &cluster)
    }
    return cluster
  }

  @Test(arguments: [
    (["get", "pods", "-o", "jsonpath={.items[*].metadata.name}"], "a10 a9 b"),
    (["get", "pods", "--sort-by=.metadata.name", "-o", "jsonpath={.items[*].metadata.name}"], "a9 a10 b"),
    (["get", "pods", "-o", #"jsonpath={.items[?(@.spec.containers[0].image=="redis")].metadata.name}"#], "a10"),
    (["get", "pods", "-o", "jsonpath={.items[0:2].metadata.labels.app}"], "a10 a9"),
    (["get", "pods", "-o", "jsonpath={.items[-1:].metadata.name}"], "b"),
    (["get", "pods", "-o", #"jsonpath={range .items[*]}{.metadata.name}={.spec.containers[0].image};{end}"#], "a10=redis;a9=httpd;b=nginx;"),
    (["get", "pod", "b", "-o", "jsonpath={.spec..image}"], "nginx"),
    (["get", "pods", "-o", "go-template={{range .items}}{{.metadata.name}},{{end}}"], "a10,a9,b,"),
    (["get", "pod", "b", "-o", #"go-template={{if .spec.nothing}}x{{else}}{{len .spec.containers}}{{end}}"#], "1"),
  ])
  func prints(arguments: [String], expected: String) {
    var cluster = Self.cluster()

    let output = CommandRunner.run(arguments, cluster: &cluster)

    #expect(output.stdout == expected)
    #expect(output.exitCode == 0)
  }

  @Test func customColumnsKeepMinimumWidth() {
    var cluster = Self.cluster()

    let output = CommandRunner.run(["get", "pods", "-o", "custom-columns=N:.metadata.name,I:.spec.containers[*].image"], cluster: &cluster)

    #expect(
      output.stdout == """
        N     I
        a10   redis
        a9    httpd
        b     nginx

        """)
  }
}
