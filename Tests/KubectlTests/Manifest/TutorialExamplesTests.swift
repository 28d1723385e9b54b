import KubeCluster
import Kubectl
import Testing

/// The kubernetes.io tutorials apply their manifests by URL; the shell has
/// them, under each spelling of the URL, and nothing else.
@Suite("Tutorial example manifests")
struct TutorialExamplesTests {
  static let paths = [
    "application/deployment.yaml", "application/deployment-update.yaml", "application/deployment-scale.yaml",
    "controllers/nginx-deployment.yaml", "application/web/web.yaml", "application/web/web-parallel.yaml",
    "service/networking/run-my-nginx.yaml", "service/networking/nginx-svc.yaml",
    "service/load-balancer-example.yaml", "deployments/deployment-with-configmap-as-volume.yaml",
    "deployments/deployment-with-configmap-as-envvar.yaml", "application/php-apache.yaml",
  ]

  @Test("every bundled manifest applies", arguments: paths)
  func applies(_ path: String) {
    var cluster = Cluster.kind()

    let output = CommandRunner.run(["apply", "-f", "https://k8s.io/examples/" + path, "--dry-run=client"], cluster: &cluster)

    #expect(output.stderr == "")
    #expect(output.exitCode == 0)
    #expect(output.stdout.hasSuffix("(dry run)\n"))
  }

  @Test("kubernetes.io and the raw repository name the same files; other URLs still fail")
  func spellings() {
    var cluster = Cluster.kind()

    let long = CommandRunner.run(["create", "-f", "https://kubernetes.io/examples/application/web/web.yaml"], cluster: &cluster)
    let missing = CommandRunner.run(["apply", "-f", "https://k8s.io/examples/nope.yaml"], cluster: &cluster)

    #expect(long.stdout == "service/nginx created\nstatefulset.apps/web created\n")
    #expect(missing.stderr == "error: unable to read URL \"https://k8s.io/examples/nope.yaml\", server reported 404 Not Found, status code=404\n")
    #expect(missing.exitCode == 1)
  }

  @Test("deployment.v1.apps names the apps/v1 Deployment, as the Deployments page types it")
  func resourceVersionGroup() {
    #expect(ResourceResolver.kind(for: "deployment.v1.apps") == .deployment)
    #expect(ResourceResolver.kind(for: "deployments.v1.apps") == .deployment)
    #expect(ResourceResolver.kind(for: "deployment.v2.apps") == nil)
  }
}
