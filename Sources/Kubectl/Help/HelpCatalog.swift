import KubeCluster

/// Long help for commands and subcommands, with kubectl's sections
/// (Aliases, Examples, Available Commands, Options, Usage) in kubetutor's
/// own words.
struct HelpPage {
  var description: String
  var aliases: [String] = []
  var examples: [(String, String)] = []
  var subcommands: [(String, String)] = []
  var showsOptions = true
  var usage: String
}

enum HelpCatalog {
  static let pages: [String: HelpPage] = [
    "cp": HelpPage(
      description: "Copy a file between the working folder and a container, through the container's tar (an image without tar cannot be copied to or from).",
      examples: [("Copy a local file into a pod's /tmp", "kubectl cp notes.txt web-0:/tmp"), ("Copy a file out of a pod in another namespace", "kubectl cp dev/web-0:/etc/nginx/nginx.conf nginx.conf"), ("Choose the container", "kubectl cp notes.txt web-0:/tmp -c sidecar")],
      usage: "kubectl cp <file-spec-src> <file-spec-dest> [options]"),
    "attach": HelpPage(
      description: "Join the output of a container's main process as it runs, from now on (use kubectl logs for what it wrote before).",
      examples: [("Follow what a pod's first container writes", "kubectl attach web-0"), ("Choose the container", "kubectl attach web-0 -c sidecar"), ("Attach to the first pod of a deployment", "kubectl attach deployment/web")],
      usage: "kubectl attach (POD | TYPE/NAME) -c CONTAINER [options]"),
    "rollout": HelpPage(
      description: "Follow and manage the rollout of deployments, daemon sets and stateful sets.",
      examples: [("Go back to the previous revision of a deployment", "kubectl rollout undo deployment/web"), ("Watch a daemon set roll out", "kubectl rollout status daemonset/agent")],
      subcommands: [("history", "Show the revisions of a rollout"), ("pause", "Stop a deployment from rolling out changes"), ("restart", "Replace every pod of a workload"), ("resume", "Let a paused deployment roll out again"), ("status", "Follow a rollout until it finishes"), ("undo", "Return to an earlier revision")],
      showsOptions: false, usage: "kubectl rollout SUBCOMMAND [options]"),
    "rollout status": HelpPage(
      description: "Follow a rollout until it finishes, printing its progress as it changes.",
      examples: [("Follow a deployment's rollout", "kubectl rollout status deployment/web"), ("Give up after two minutes", "kubectl rollout status deployment/web --timeout=2m")],
      usage: "kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]"),
    "rollout history": HelpPage(
      description: "Show the revisions of a rollout, or the pod template of one revision.",
      examples: [("List the revisions of a deployment", "kubectl rollout history deployment/web"), ("Show the pod template of revision 2", "kubectl rollout history deployment/web --revision=2")],
      usage: "kubectl rollout history (TYPE NAME | TYPE/NAME) [flags] [options]"),
    "rollout undo": HelpPage(
      description: "Return a deployment, daemon set or stateful set to an earlier revision.",
      examples: [("Go back one revision", "kubectl rollout undo deployment/web"), ("Go back to revision 3", "kubectl rollout undo deployment/web --to-revision=3")],
      usage: "kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]"),
    "rollout restart": HelpPage(
      description: "Replace every pod of a workload, one batch at a time, by stamping its pod template.",
      examples: [("Restart a deployment", "kubectl rollout restart deployment/web"), ("Restart every deployment labelled app=web", "kubectl rollout restart deployment --selector=app=web")],
      usage: "kubectl rollout restart RESOURCE [options]"),
    "rollout pause": HelpPage(
      description: "Stop a deployment from rolling out template changes until it is resumed.",
      examples: [("Pause a deployment", "kubectl rollout pause deployment/web")],
      usage: "kubectl rollout pause RESOURCE [options]"),
    "rollout resume": HelpPage(
      description: "Let a paused deployment roll out its pending changes.",
      examples: [("Resume a deployment", "kubectl rollout resume deployment/web")],
      usage: "kubectl rollout resume RESOURCE [options]"),
    "set": HelpPage(
      description: "Change particular fields of existing objects.",
      subcommands: [("env", "Change the environment variables of containers"), ("image", "Change the image of containers"), ("resources", "Change the requests and limits of containers"), ("selector", "Change the selector of a resource"), ("serviceaccount", "Change the service account of a resource"), ("subject", "Change the users, groups or service accounts of a binding")],
      showsOptions: false, usage: "kubectl set SUBCOMMAND [options]"),
    "set image": HelpPage(
      description: "Change the image of one or more containers of a pod template or pod.",
      examples: [("Give the nginx container a new image", "kubectl set image deployment/web nginx=nginx:1.27"), ("Give every container the same image", "kubectl set image deployment/web *=busybox")],
      usage: "kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]"),
    "set env": HelpPage(
      description: "Add, change, list or remove environment variables of containers.",
      examples: [("Set two variables", "kubectl set env deployment/web MODE=prod LEVEL=3"), ("Remove a variable", "kubectl set env deployment/web LEVEL-"), ("List the variables", "kubectl set env deployment/web --list")],
      usage: "kubectl set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N [options]"),
    "set resources": HelpPage(
      description: "Change the resource requests and limits of containers.",
      examples: [("Limit the nginx container", "kubectl set resources deployment web -c=nginx --limits=cpu=200m,memory=512Mi")],
      usage: "kubectl set resources (-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS] [options]"),
    "patch": HelpPage(
      description: "Change some fields of a resource with a strategic merge, JSON merge or JSON patch.",
      examples: [("Scale through a patch", "kubectl patch deployment web -p '{\"spec\":{\"replicas\":2}}'"), ("Replace a field with a JSON patch", "kubectl patch deployment web --type=json -p '[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":1}]'")],
      usage: "kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]"),
    "autoscale": HelpPage(
      description: "Create a horizontal pod autoscaler that keeps a workload between a minimum and a maximum number of pods.",
      examples: [("Keep web between 2 and 10 pods at 80% CPU", "kubectl autoscale deployment web --min=2 --max=10 --cpu-percent=80")],
      usage: "kubectl autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU] [options]"),
    "replace": HelpPage(
      description: "Replace a live resource with the one in a file or on stdin.",
      examples: [("Replace a deployment with the file's version", "kubectl replace -f web.yaml"), ("Delete and create it again", "kubectl replace --force -f web.yaml")],
      usage: "kubectl replace -f FILENAME [options]"),
    "diff": HelpPage(
      description: "Show what applying files would change, as a unified diff between the live and the merged objects. Exits 1 when there are differences.",
      examples: [("Compare a file with the cluster", "kubectl diff -f web.yaml")],
      usage: "kubectl diff -f FILENAME [options]"),
    "edit": HelpPage(
      description: "Open a live resource in your editor and save the changes back; an invalid file is reopened with the errors on top.",
      examples: [("Edit a deployment", "kubectl edit deployment/web")],
      usage: "kubectl edit (RESOURCE/NAME | -f FILENAME) [options]"),
    "explain": HelpPage(
      description: "Describe the fields of a resource, or of one field, given as RESOURCE.FIELD.FIELD.",
      examples: [("Describe pods", "kubectl explain pods"), ("Describe the containers of a pod", "kubectl explain pods.spec.containers"), ("List every field of a deployment", "kubectl explain deployment --recursive")],
      usage: "kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [--output=plaintext|plaintext-openapiv2] [options]"),
    "config": HelpPage(
      description: "Read and change the kubeconfig: clusters, users and contexts.",
      subcommands: [("current-context", "Print the current context"), ("delete-cluster", "Remove a cluster"), ("delete-context", "Remove a context"), ("delete-user", "Remove a user"), ("get-clusters", "List the clusters"), ("get-contexts", "List the contexts"), ("get-users", "List the users"), ("rename-context", "Rename a context"), ("set", "Set a value"), ("set-cluster", "Set a cluster entry"), ("set-context", "Set a context entry"), ("set-credentials", "Set a user entry"), ("unset", "Unset a value"), ("use-context", "Switch the current context"), ("view", "Show the merged kubeconfig")],
      showsOptions: false, usage: "kubectl config SUBCOMMAND [options]"),
    "config view": HelpPage(
      description: "Show the merged kubeconfig, with secrets hidden.",
      examples: [("Show the kubeconfig", "kubectl config view"), ("Print the namespace of the first context", "kubectl config view -o jsonpath='{.contexts[0].context.namespace}'")],
      usage: "kubectl config view [flags] [options]"),
    "config get-contexts": HelpPage(
      description: "List the contexts of the kubeconfig; the current one is starred.",
      examples: [("List the contexts", "kubectl config get-contexts")],
      usage: "kubectl config get-contexts [(-o|--output=)name)] [options]"),
    "config set-context": HelpPage(
      description: "Set fields of a context, such as its namespace.",
      examples: [("Work in the dev namespace from now on", "kubectl config set-context --current --namespace=dev")],
      usage: "kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]"),
    "config use-context": HelpPage(
      description: "Switch the current context.", aliases: ["use-context", "use"],
      examples: [("Use the kind cluster", "kubectl config use-context kind-kind")],
      showsOptions: false, usage: "kubectl config use-context CONTEXT_NAME [options]"),
    "config current-context": HelpPage(
      description: "Print the current context.",
      examples: [("Print the current context", "kubectl config current-context")],
      showsOptions: false, usage: "kubectl config current-context [options]"),
    "cordon": HelpPage(
      description: "Mark a node unschedulable: running pods stay, new pods go elsewhere.",
      examples: [("Cordon a worker", "kubectl cordon kind-worker")],
      usage: "kubectl cordon NODE [options]"),
    "uncordon": HelpPage(
      description: "Mark a node schedulable again.",
      examples: [("Uncordon a worker", "kubectl uncordon kind-worker")],
      usage: "kubectl uncordon NODE [options]"),
    "drain": HelpPage(
      description: "Cordon a node and evict its pods before maintenance. DaemonSet pods need --ignore-daemonsets, pods without a controller need --force.",
      examples: [("Drain a worker", "kubectl drain kind-worker --ignore-daemonsets"), ("Drain it even with bare pods", "kubectl drain kind-worker --ignore-daemonsets --force")],
      usage: "kubectl drain NODE [options]"),
    "taint": HelpPage(
      description: "Add, change or remove taints on nodes; only pods that tolerate a taint are scheduled on its node.",
      examples: [("Keep pods off a GPU node", "kubectl taint nodes kind-worker2 dedicated=gpu:NoSchedule"), ("Remove that taint", "kubectl taint nodes kind-worker2 dedicated:NoSchedule-")],
      usage: "kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]"),
    "top": HelpPage(
      description: "Show CPU and memory use of nodes and pods. Needs metrics-server, which kind does not install.",
      subcommands: [("node", "Show CPU and memory use of nodes"), ("pod", "Show CPU and memory use of pods")],
      showsOptions: false, usage: "kubectl top [flags] [options]"),
    "auth": HelpPage(
      description: "Check what you are allowed to do.",
      subcommands: [("can-i", "Check whether an action is allowed"), ("reconcile", "Reconcile RBAC rules from a file"), ("whoami", "Show who you are")],
      showsOptions: false, usage: "kubectl auth [flags] [options]"),
    "auth can-i": HelpPage(
      description: "Check whether an action is allowed; prints yes or no.",
      examples: [("May I create pods?", "kubectl auth can-i create pods"), ("May I do everything?", "kubectl auth can-i '*' '*'")],
      usage: "kubectl auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL] [options]"),
    "api-versions": HelpPage(
      description: "List the API versions the server offers, as \"group/version\".",
      examples: [("List them", "kubectl api-versions")],
      showsOptions: false, usage: "kubectl api-versions [options]"),
    "create configmap": HelpPage(
      description: "Create a config map from literal values, files or env files.", aliases: ["configmap", "cm"],
      examples: [("From two literals", "kubectl create configmap settings --from-literal=mode=prod --from-literal=level=3"), ("From a file", "kubectl create configmap nginx-conf --from-file=nginx.conf")],
      usage: "kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]"),
    "create service": HelpPage(
      description: "Create a service of one of four types.", aliases: ["service", "svc"],
      subcommands: [("clusterip", "Create a ClusterIP service"), ("externalname", "Create an ExternalName service"), ("loadbalancer", "Create a LoadBalancer service"), ("nodeport", "Create a NodePort service")],
      showsOptions: false, usage: "kubectl create service [flags] [options]"),
    "create secret": HelpPage(
      description: "Create a secret of one of three kinds.",
      subcommands: [("docker-registry", "Create a secret for a container registry"), ("generic", "Create a secret from files, folders or literal values"), ("tls", "Create a TLS secret")],
      showsOptions: false, usage: "kubectl create secret (docker-registry | generic | tls) [options]"),
    "create secret generic": HelpPage(
      description: "Create a secret from literal values, files or env files; values are stored base64-encoded.",
      examples: [("From literals", "kubectl create secret generic creds --from-literal=user=admin --from-literal=password=s3cr3t")],
      usage: "kubectl create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]"),
    "create job": HelpPage(
      description: "Create a job that runs an image once, or a job from a cron job's template.",
      examples: [("Run a command once", "kubectl create job hello --image=busybox -- echo hi"), ("Start a cron job by hand", "kubectl create job once --from=cronjob/ticker")],
      usage: "kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]"),
    "create cronjob": HelpPage(
      description: "Create a cron job that runs an image on a schedule.", aliases: ["cronjob", "cj"],
      examples: [("Print the date every minute", "kubectl create cronjob ticker --image=busybox --schedule=\"*/1 * * * *\" -- date")],
      usage: "kubectl create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [flags] [options]"),
    "create role": HelpPage(
      description: "Create a role with one rule per API group.",
      examples: [("Allow reading pods", "kubectl create role reader --verb=get,list --resource=pods")],
      usage: "kubectl create role NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none] [options]"),
    "create token": HelpPage(
      description: "Request a token for a service account.",
      examples: [("A token for the builder account", "kubectl create token builder")],
      usage: "kubectl create token SERVICE_ACCOUNT_NAME [options]"),
  ]

  /// The page text, with `options` already rendered by the caller.
  static func render(_ key: String, _ page: HelpPage, options: String) -> String {
    var text = page.description + "\n\n"
    if !page.aliases.isEmpty { text += "Aliases:\n" + page.aliases.joined(separator: ", ") + "\n\n" }
    if !page.examples.isEmpty {
      text += "Examples:\n" + page.examples.map { "  # \($0.0)\n  \($0.1)" }.joined(separator: "\n  \n") + "\n\n"
    }
    if !page.subcommands.isEmpty {
      let width = max(page.subcommands.map(\.0.count).max() ?? 0, 11) + 3
      text += "Available Commands:\n"
      text += page.subcommands.map { "  " + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + $0.1 + "\n" }.joined() + "\n"
    }
    if page.showsOptions && !options.isEmpty { text += "Options:\n" + options + "\n" }
    text += "Usage:\n  \(page.usage)\n\n"
    if !page.subcommands.isEmpty {
      text += "Use \"kubectl \(key) <command> --help\" for more information about a given command.\n"
    }
    text += "Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n"
    return text
  }
}

/// `kubectl options`: the flags every command takes.
struct OptionsCommand: KubectlCommand {
  static let name = "options"
  static let flags: [FlagSpec] = []

  static func run(_ invocation: Invocation, cluster: inout Cluster) throws -> CommandOutput {
    var text = "The following options can be passed to any command:\n\n"
    text += HelpText.optionLines(GlobalFlags.all)
    return CommandOutput(stdout: text)
  }
}
