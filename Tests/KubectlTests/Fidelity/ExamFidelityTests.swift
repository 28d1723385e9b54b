import Foundation
import KubeCluster
import Kubectl
import KubetutorTestSupport
import Testing

/// Everyday CKAD/CKA moves answered on the client side: generator variants
/// the exams lean on, compared with the real kubectl 1.32 where it needs no
/// server, and `kubectl run` output captured from it (run asks the server
/// for discovery only; the texts below came from the real client pointed at
/// `kubetutor serve`).
@Suite("Exam moves print as the real kubectl's")
struct ExamFidelityTests {
  static let folder = FixtureFolder.make("kubetutor-exam", files: ["app.env": "a=1\nb=2\n", "index.html": "hi\n"])

  /// Generator lines GeneratorFidelityTests runs through both clients.
  static let generators: [[String]] = [
    ["create", "deployment", "web", "--image=nginx", "--dry-run=client", "-o", "yaml", "--", "sleep", "10"],
    ["create", "deployment", "web", "--image=nginx", "--dry-run=client", "-o", "json", "--", "sh", "-c", "sleep 1"],
    ["create", "deployment", "web", "--image=nginx", "--dry-run=client", "-o", "wide"],
    ["create", "deployment", "web", "--image=nginx", "--dry-run", "-o", "yaml"],
    ["create", "deployment", "web", "--image=nginx", "--dry-run", "-o", "name", "-n", "dev"],
    ["create", "deployment", "web", "--image=nginx", "--dry-run=true", "-o", "name"],
    ["create", "clusterrole", "cr", "--aggregation-rule=a=b,c=d", "--dry-run=client", "-o", "json"],
    ["create", "clusterrole", "cr", "--aggregation-rule=a=b", "--dry-run=client", "-o", "yaml"],
    ["create", "clusterrole", "cr", "--aggregation-rule=a=b", "--verb=get", "--resource=pods", "--dry-run=client"],
    ["create", "configmap", "cm", "--from-file=index=\(folder)/index.html", "--from-env-file=\(folder)/app.env", "--dry-run=client", "-o", "yaml"],
    ["create", "secret", "generic", "s", "--from-literal=a=b", "--from-env-file=\(folder)/app.env", "--dry-run=client", "-o", "yaml"],
    ["create", "configmap", "cm", "--from-env-file=\(folder)/app.env", "--dry-run=client", "-o", "wide"],
  ]

  /// `create role` asks discovery for its resources: the texts are the real
  /// client's, pointed at `kubetutor serve`.
  @Test func roleSubresourcesAndWarnings() {
    var cluster = Cluster.kind()
    let sub = CommandRunner.run(
      ["create", "role", "r", "--verb=get", "--resource=pods/log,deployments.apps/scale,pods/exec", "--dry-run=client", "-o", "yaml"],
      cluster: &cluster)
    #expect(sub.stdout == """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        creationTimestamp: null
        name: r
      rules:
      - apiGroups:
        - ""
        resources:
        - pods/log
        - pods/exec
        verbs:
        - get
      - apiGroups:
        - apps
        resources:
        - deployments/scale
        verbs:
        - get

      """)
    let unknown = CommandRunner.run(["create", "role", "r", "--verb=get", "--resource=foo", "--dry-run=client"], cluster: &cluster)
    #expect(unknown.stderr == "the server doesn't have a resource type \"foo\"\n")
    #expect(unknown.exitCode == 1)
    let bogus = CommandRunner.run(["create", "role", "r", "--verb=bogus", "--resource=pods", "--dry-run=client", "-o", "name"], cluster: &cluster)
    #expect(bogus.stdout == "role.rbac.authorization.k8s.io/r\n")
    #expect(bogus.stderr == "Warning: 'bogus' is not a standard resource verb\n")
  }

  /// `--dry-run` alone still means client, with klog's deprecation warning.
  @Test func bareDryRunWarns() {
    var cluster = Cluster.kind()
    let output = CommandRunner.run(["create", "deployment", "web", "--image=nginx", "--dry-run", "-o", "name"], cluster: &cluster)
    #expect(output.stdout == "deployment.apps/web\n")
    #expect(output.stderr.hasSuffix(" helpers.go:702] --dry-run is deprecated and can be replaced with --dry-run=client.\n"))
    #expect(output.stderr.hasPrefix("W0301 "))
    #expect(cluster.store.get(ObjectKey(.deployment, "web", in: "default")) == nil)
  }

  /// `kubectl run --expose` prints the Service, then the Pod, from one
  /// printer: YAML gets its separator twice, JSON none.
  @Test func runExposeDryRun() {
    var cluster = Cluster.kind()
    let yaml = CommandRunner.run(
      ["run", "web2", "--image=nginx", "--expose", "--port=8080", "--dry-run=client", "-o", "yaml"], cluster: &cluster)
    #expect(yaml.stdout == """
      apiVersion: v1
      kind: Service
      metadata:
        creationTimestamp: null
        name: web2
      spec:
        ports:
        - port: 8080
          protocol: TCP
          targetPort: 8080
        selector:
          run: web2
      status:
        loadBalancer: {}
      ---
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        creationTimestamp: null
        labels:
          run: web2
        name: web2
      spec:
        containers:
        - image: nginx
          name: web2
          ports:
          - containerPort: 8080
          resources: {}
        dnsPolicy: ClusterFirst
        restartPolicy: Always
      status: {}

      """)
    let named = CommandRunner.run(
      ["run", "web2", "--image=nginx", "--expose", "--port=8080", "--dry-run=client", "-o", "name", "-l", "app=x"], cluster: &cluster)
    #expect(named.stdout == "service/web2\npod/web2\n")
    let plain = CommandRunner.run(["run", "web2", "--image=nginx", "--expose", "--port=8080", "--dry-run=client"], cluster: &cluster)
    #expect(plain.stdout == "service/web2 created (dry run)\npod/web2 created (dry run)\n")
    #expect(cluster.store.list(.service, in: "default").map(\.name) == ["kubernetes"])
    let labelled = CommandRunner.run(
      ["run", "web2", "--image=nginx", "--expose", "--port=8080", "--dry-run=client", "-o", "json", "-n", "dev", "-l", "app=x"],
      cluster: &cluster)
    #expect(labelled.stdout.hasPrefix("""
      {
          "kind": "Service",
          "apiVersion": "v1",
          "metadata": {
              "name": "web2",
              "namespace": "dev",
              "creationTimestamp": null,
              "labels": {
                  "app": "x"
              }
          },
          "spec": {
              "ports": [
                  {
                      "protocol": "TCP",
                      "port": 8080,
                      "targetPort": 8080
                  }
              ],
              "selector": {
                  "app": "x"
              }
          },
          "status": {
              "loadBalancer": {}
          }
      }
      {
      """))
    // For real, the service is made first and carries the pod's labels as selector.
    let made = CommandRunner.run(["run", "web", "--image=nginx", "--expose", "--port=80"], cluster: &cluster)
    #expect(made.stdout == "service/web created\npod/web created\n")
    #expect(cluster.store.get(ObjectKey(.service, "web", in: "default"))?.content[path: "spec.selector.run"]?.string == "web")
  }

  @Test func runPrivilegedAndErrors() {
    var cluster = Cluster.kind()
    let privileged = CommandRunner.run(["run", "x", "--image=nginx", "--privileged", "--dry-run=client", "-o", "json"], cluster: &cluster)
    #expect(privileged.stdout.contains("""
                      "resources": {},
                      "securityContext": {
                          "privileged": true
                      }
      """))
    let label = CommandRunner.run(["run", "x", "--image=nginx", "--dry-run=client", "-o", "yaml", "--labels=a=b,c"], cluster: &cluster)
    #expect(label.stderr == "error: unexpected label spec: c\n")
    #expect(label.exitCode == 1)
    let wide = CommandRunner.run(["run", "x", "--image=nginx", "-o", "wide"], cluster: &cluster)
    #expect(wide.stderr.hasPrefix("error: unable to match a printer suitable for the output format \"wide\", allowed formats are: go-template,"))
    #expect(cluster.store.get(ObjectKey(.pod, "x", in: "default")) == nil)
  }
}
