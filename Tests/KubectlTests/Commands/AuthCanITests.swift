import Foundation
import KubeCluster
import Kubectl
import Testing

/// `kubectl auth can-i … --as=…` answers from the cluster's RBAC objects:
/// `yes` with exit 0, `no` with exit 1, as a kind cluster's API server does.
@Suite("kubectl auth can-i with RBAC")
struct AuthCanITests {
  static let robot = "--as=system:serviceaccount:default:robot"

  static func cluster(_ lines: [String]) -> Cluster {
    var cluster = Cluster.kind()
    for line in lines {
      let output = CommandRunner.run(line.split(separator: " ").map(String.init), cluster: &cluster)
      #expect(output.exitCode == 0, "\(line): \(output.stderr)")
    }
    return cluster
  }

  static func ask(_ line: String, _ cluster: inout Cluster) -> (String, Int32) {
    let output = CommandRunner.run(line.split(separator: " ").map(String.init), cluster: &cluster)
    return (output.stdout, Int32(output.exitCode))
  }

  @Test("a role binding lets a service account do what the role says, in its namespace only")
  func roleBinding() {
    var cluster = Self.cluster([
      "create sa robot", "create role pod-reader --verb=get,list,watch --resource=pods",
    ])
    #expect(Self.ask("auth can-i list pods \(Self.robot)", &cluster) == ("no\n", 1))
    _ = CommandRunner.run(["create", "rolebinding", "rb", "--role=pod-reader", "--serviceaccount=default:robot"], cluster: &cluster)
    #expect(Self.ask("auth can-i list pods \(Self.robot)", &cluster) == ("yes\n", 0))
    #expect(Self.ask("auth can-i get pods/web \(Self.robot)", &cluster) == ("yes\n", 0))
    #expect(Self.ask("auth can-i delete pods \(Self.robot)", &cluster) == ("no\n", 1))
    #expect(Self.ask("auth can-i list pods \(Self.robot) -n kube-system", &cluster) == ("no\n", 1))
    #expect(Self.ask("auth can-i list pods \(Self.robot) -A", &cluster) == ("no\n", 1))
    #expect(Self.ask("auth can-i list pods \(Self.robot) -q", &cluster) == ("", 0))
    #expect(Self.ask("auth can-i list deployments \(Self.robot)", &cluster) == ("no\n", 1))
    // kind's own user is cluster-admin.
    #expect(Self.ask("auth can-i delete nodes", &cluster) == ("yes\n", 0))
  }

  @Test("cluster roles: view through a role binding, a group through a cluster role binding, resource names")
  func clusterRoles() {
    var cluster = Self.cluster([
      "create ns dev", "create rolebinding viewers --clusterrole=view --user=jane -n dev",
      "create clusterrole node-reader --verb=get,list --resource=nodes",
      "create clusterrolebinding ops --clusterrole=node-reader --group=ops",
      "create role one --verb=get --resource=configmaps --resource-name=settings",
      "create rolebinding one --role=one --user=bob",
    ])
    #expect(Self.ask("auth can-i list deployments.apps --as=jane -n dev", &cluster) == ("yes\n", 0))
    #expect(Self.ask("auth can-i get secrets --as=jane -n dev", &cluster) == ("no\n", 1))
    #expect(Self.ask("auth can-i create pods --as=jane -n dev", &cluster) == ("no\n", 1))
    #expect(Self.ask("auth can-i list pods --as=jane", &cluster) == ("no\n", 1))
    #expect(Self.ask("auth can-i list nodes --as=amy --as-group=ops", &cluster) == ("yes\n", 0))
    #expect(Self.ask("auth can-i list nodes --as=amy", &cluster) == ("no\n", 1))
    #expect(Self.ask("auth can-i get configmaps/settings --as=bob", &cluster) == ("yes\n", 0))
    #expect(Self.ask("auth can-i get configmaps/other --as=bob", &cluster) == ("no\n", 1))
    // Every authenticated user may ask about itself and read /healthz.
    #expect(Self.ask("auth can-i create selfsubjectaccessreviews --as=bob", &cluster) == ("yes\n", 0))
    #expect(Self.ask("auth can-i get /healthz --as=bob", &cluster) == ("yes\n", 0))
    #expect(Self.ask("auth can-i get /metrics --as=bob", &cluster) == ("no\n", 1))
  }

  @Test("--list prints the rules as a SelfSubjectRulesReview, sorted as kubectl sorts them")
  func list() {
    var cluster = Self.cluster([
      "create sa robot", "create role pod-reader --verb=get,list,watch --resource=pods",
      "create rolebinding rb --role=pod-reader --serviceaccount=default:robot",
    ])
    let (text, code) = Self.ask("auth can-i --list \(Self.robot)", &cluster)
    #expect(code == 0)
    // kind binds system:service-account-issuer-discovery to every service
    // account, hence the two OIDC discovery URLs.
    #expect(text == """
      Resources                                       Non-Resource URLs                     Resource Names   Verbs
      selfsubjectreviews.authentication.k8s.io        []                                    []               [create]
      selfsubjectaccessreviews.authorization.k8s.io   []                                    []               [create]
      selfsubjectrulesreviews.authorization.k8s.io    []                                    []               [create]
      pods                                            []                                    []               [get list watch]
                                                      [/.well-known/openid-configuration]   []               [get]
                                                      [/api/*]                              []               [get]
                                                      [/api]                                []               [get]
                                                      [/apis/*]                             []               [get]
                                                      [/apis]                               []               [get]
                                                      [/healthz]                            []               [get]
                                                      [/healthz]                            []               [get]
                                                      [/livez]                              []               [get]
                                                      [/livez]                              []               [get]
                                                      [/openapi/*]                          []               [get]
                                                      [/openapi]                            []               [get]
                                                      [/openid/v1/jwks]                     []               [get]
                                                      [/readyz]                             []               [get]
                                                      [/readyz]                             []               [get]
                                                      [/version/]                           []               [get]
                                                      [/version/]                           []               [get]
                                                      [/version]                            []               [get]
                                                      [/version]                            []               [get]

      """)
    let admin = Self.ask("auth can-i --list", &cluster).0.split(separator: "\n")
    #expect(admin.prefix(3) == [
      "Resources                                       Non-Resource URLs   Resource Names   Verbs",
      "*.*                                             []                  []               [*]",
      "                                                [*]                 []               [*]",
    ])
  }

  @Test("get --as is refused what RBAC does not allow, worded as the API server's Forbidden")
  func forbiddenGet() {
    var cluster = Self.cluster([
      "create sa robot", "create role pod-reader --verb=get,list --resource=pods",
      "create rolebinding rb --role=pod-reader --serviceaccount=default:robot", "run web --image=nginx",
    ])
    let user = "User \"system:serviceaccount:default:robot\""
    let secrets = CommandRunner.run(["get", "secrets", Self.robot], cluster: &cluster)
    #expect(secrets.stderr == "Error from server (Forbidden): secrets is forbidden: \(user) cannot list resource \"secrets\" in API group \"\" in the namespace \"default\"\n")
    #expect(secrets.exitCode == 1)
    let nodes = CommandRunner.run(["get", "nodes", Self.robot], cluster: &cluster)
    #expect(nodes.stderr == "Error from server (Forbidden): nodes is forbidden: \(user) cannot list resource \"nodes\" in API group \"\" at the cluster scope\n")
    let deployment = CommandRunner.run(["get", "deploy/web", Self.robot], cluster: &cluster)
    #expect(deployment.stderr == "Error from server (Forbidden): deployments.apps \"web\" is forbidden: \(user) cannot get resource \"deployments\" in API group \"apps\" in the namespace \"default\"\n")
    let pods = CommandRunner.run(["get", "pods,secrets", Self.robot, "-o", "name"], cluster: &cluster)
    #expect(pods.stdout == "pod/web\n")
    #expect(pods.stderr.hasPrefix("Error from server (Forbidden): secrets is forbidden:"))
    #expect(pods.exitCode == 1)
    #expect(CommandRunner.run(["get", "pods", Self.robot, "-o", "name"], cluster: &cluster).exitCode == 0)
  }

  @Test("whoami --as names the impersonated user and its groups")
  func whoami() {
    var cluster = Cluster.kind()
    #expect(Self.ask("auth whoami \(Self.robot)", &cluster).0 == """
      ATTRIBUTE   VALUE
      Username    system:serviceaccount:default:robot
      Groups      [system:serviceaccounts system:serviceaccounts:default system:authenticated]

      """)
  }
}
