import Foundation
import KubeCluster
import Kubectl
import KubetutorTestSupport
import Testing

/// `-o jsonpath` and `-o go-template` on client-side objects, run through the
/// real kubectl 1.32 and kubetutor: stdout, stderr and exit code must match.
@Suite("Templates print as the real kubectl's")
struct TemplateFidelityTests {
  static let deployment = ["create", "deployment", "web", "--image=nginx", "--replicas=2", "--dry-run=client"]
  static let namespace = ["create", "namespace", "x", "--dry-run=client"]

  static let cases: [[String]] = [
    deployment + [#"-o=jsonpath={.metadata.name}{"\n"}{.spec.template.spec.containers[*].image}{..image}{.spec}{.spec.replicas}"#],
    deployment + [#"-o=jsonpath={range .spec.template.spec.containers[*]}[{.name}]{end}{.metadata.labels}"#],
    deployment + [#"-o=jsonpath={.spec.template.spec.containers[?(@.name=="nginx")].image} {.spec.template.spec.containers[0:1].name}"#],
    deployment + [#"-o=jsonpath={.spec.template.spec.containers[-1].name} {.spec.template.spec.containers[*]['name','image']}"#],
    deployment + [#"-o=jsonpath={.spec.template.spec.containers[?(@.name!="nginx")].image}|{.spec.replicas}"#],
    deployment + [#"-o=jsonpath={.spec.template.spec.containers[5]}"#],
    deployment + [#"-o=jsonpath={.spec.template.spec.containers[?(@.image)].name}"#],
    namespace + [#"-o=jsonpath={.metadata.creationTimestamp}|{.spec}|{..name}|{.spec.*}|{.x}|{@}"#],
    namespace + ["-o=jsonpath={.items[}"],
    namespace + ["-o=jsonpath"],
    namespace + ["-o=jsonpath={.metadata[0]}"],
    namespace + ["-o=jsonpath={end}"],
    namespace + ["-o=jsonpath={.metadata.name,}"],
    namespace + ["-o=jsonpath-as-json={.metadata.name}{.metadata}"],
    namespace + ["-o=go-template={{.metadata}} {{.status}} {{len .metadata}} {{range $k, $v := .metadata}}{{$k}}={{$v}};{{end}}"],
    namespace + [#"-o=go-template={{if .spec}}yes{{else}}no{{end}} {{with .metadata}}{{.name}}{{end}} {{- " trimmed" -}} x"#],
    namespace + [#"-o=go-template={{printf "%q %v %5s|" .metadata.name .metadata.name "ab"}}{{eq .kind "Namespace"}} {{ .metadata.name | printf "<%s>" }}"#],
    namespace + [#"-o=go-template={{index . "kind"}} {{println "a"}}{{.nope.x}} {{.metadata.creationTimestamp}}"#],
    namespace + ["-o=go-template={{.metadata.name"],
    deployment + [#"-o=go-template={{range .spec.template.spec.containers}}{{.name}}={{.image}}{{"\n"}}{{end}}"#],
  ]

  @Test(
    "the same template prints the same text", .enabled(if: RealKubectl.isInstalled, "needs the real kubectl 1.32 client"),
    arguments: cases)
  func sameOutput(_ arguments: [String]) throws {
    let real = try RealKubectl.run(arguments)
    var cluster = Cluster.kind()
    let ours = CommandRunner.run(arguments, cluster: &cluster)
    #expect(ours.stdout == real.stdout)
    #expect(ours.stderr == real.stderr)
    #expect(ours.exitCode == real.exitCode)
  }
}
