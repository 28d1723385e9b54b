import Foundation
import Testing

@Suite("The cluster survives a restart")
struct PersistenceTests {
  @Test("a script run twice on one --db continues the same cluster, ages moving on", .enabled(if: DeterminismTests.binary != nil, "needs the kubetutor binary (swift build)"))
  func sameClusterAfterRestart() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kubetutor-db-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("progress.db").path

    let (first, firstStatus) = try DeterminismTests.runBinary(["--db", db], stdin: "kubectl run whoami --image subicura/whoami:1\nsleep 30\nkubectl get pods -o wide\n")
    let (second, secondStatus) = try DeterminismTests.runBinary(["--db", db], stdin: "sleep 60\nkubectl get pods -o wide\n")
    let (fresh, _) = try DeterminismTests.runBinary(["--db", db, "--fresh"], stdin: "kubectl get pods\n")

    #expect(firstStatus == 0 && secondStatus == 0)
    #expect(first.hasSuffix("whoami   1/1     Running   0          30s   10.244.1.2   kind-worker   <none>           <none>\n"))
    #expect(second == "NAME     READY   STATUS    RESTARTS   AGE   IP           NODE          NOMINATED NODE   READINESS GATES\nwhoami   1/1     Running   0          90s   10.244.1.2   kind-worker   <none>           <none>\n")
    #expect(fresh == "No resources found in default namespace.\n")
  }
}
