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

  @Test("a snapshot saved in one run is listed and restored in the next, from the --db", .enabled(if: DeterminismTests.binary != nil, "needs the kubetutor binary (swift build)"))
  func snapshotsInDatabase() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kubetutor-db-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("progress.db").path

    let (first, firstStatus) = try DeterminismTests.runBinary(
      ["--db", db], stdin: "kubectl run whoami --image subicura/whoami:1\nsleep 30\nsnapshot save one-pod\nkubectl delete pod whoami --grace-period=0 --force\n")
    let (second, secondStatus) = try DeterminismTests.runBinary(
      ["--db", db], stdin: "kubectl get pods\nsnapshot list | awk '{ print $1, substr($2, 1, 2) }'\nsnapshot restore one-pod\nkubectl get pods\n")

    #expect(firstStatus == 0 && secondStatus == 0)
    #expect(first.hasPrefix("pod/whoami created\nSaved the cluster as \"one-pod\".\n"))
    #expect(
      second == """
        No resources found in default namespace.
        NAME SA
        one-pod 20
        Restored the cluster saved as "one-pod" (undo takes this back).
        NAME     READY   STATUS    RESTARTS   AGE
        whoami   1/1     Running   0          30s

        """)
  }
}
