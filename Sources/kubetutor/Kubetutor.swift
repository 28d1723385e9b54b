import Shell
@main struct Kubetutor { static func main() {} }
