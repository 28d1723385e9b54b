/// The example manifests that kubernetes.io tutorials apply by URL
/// (`kubectl apply -f https://k8s.io/examples/application/deployment.yaml`),
/// so that the offline shell finds them where a real kubectl downloads them.
///
/// Each is written from what its tutorial page shows; `k8s.io/examples/…`,
/// `kubernetes.io/examples/…` and the website repository's raw files name the
/// same file.
enum TutorialExamples {
  /// The manifest a URL serves, or nil for any other URL.
  static func manifest(at url: String) -> String? {
    let prefixes = [
      "https://k8s.io/examples/", "http://k8s.io/examples/", "https://kubernetes.io/examples/",
      "http://kubernetes.io/examples/",
      "https://raw.githubusercontent.com/kubernetes/website/main/content/en/examples/",
    ]
    guard let prefix = prefixes.first(where: { url.hasPrefix($0) }) else { return nil }
    return files[String(url.dropFirst(prefix.count))]
  }

  static let files: [String: String] = [
    "application/deployment.yaml": nginxDeployment(replicas: "2 # tells deployment to run 2 pods matching the template", image: "nginx:1.14.2"),
    "application/deployment-update.yaml": nginxDeployment(replicas: "2", image: "nginx:1.16.1 # Update the version of nginx from 1.14.2 to 1.16.1"),
    "application/deployment-scale.yaml": nginxDeployment(replicas: "4 # Update the replicas from 2 to 4", image: "nginx:1.16.1"),
    // The Deployments concept page's manifest: labelled, three replicas.
    "controllers/nginx-deployment.yaml": nginxDeployment(replicas: "3", image: "nginx:1.14.2", labelled: true),
    "application/web/web.yaml": statefulSet(policy: ""),
    "application/web/web-parallel.yaml": statefulSet(policy: "  podManagementPolicy: \"Parallel\"\n"),
    "service/networking/run-my-nginx.yaml": """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: my-nginx
      spec:
        selector:
          matchLabels:
            run: my-nginx
        replicas: 2
        template:
          metadata:
            labels:
              run: my-nginx
          spec:
            containers:
            - name: my-nginx
              image: nginx
              ports:
              - containerPort: 80

      """,
    "service/networking/nginx-svc.yaml": """
      apiVersion: v1
      kind: Service
      metadata:
        name: my-nginx
        labels:
          run: my-nginx
      spec:
        ports:
        - port: 80
          protocol: TCP
        selector:
          run: my-nginx

      """,
    "service/load-balancer-example.yaml": """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        labels:
          app.kubernetes.io/name: load-balancer-example
        name: hello-world
      spec:
        replicas: 5
        selector:
          matchLabels:
            app.kubernetes.io/name: load-balancer-example
        template:
          metadata:
            labels:
              app.kubernetes.io/name: load-balancer-example
          spec:
            containers:
            - image: gcr.io/google-samples/hello-app:2.0
              name: hello-world
              ports:
              - containerPort: 8080

      """,
    "deployments/deployment-with-configmap-as-volume.yaml": alpineLoop(
      "configmap-volume", says: "My preferred sport is $(cat /etc/config/sport)",
      after: """
                volumeMounts:
                  - name: config-volume
                    mountPath: /etc/config
            volumes:
              - name: config-volume
                configMap:
                  name: sport

      """),
    "deployments/deployment-with-configmap-as-envvar.yaml": alpineLoop(
      "configmap-env-var", says: "The basket is full of $FRUITS",
      before: """
                env:
                  - name: FRUITS
                    valueFrom:
                      configMapKeyRef:
                        key: fruits
                        name: fruits

      """),
    "application/php-apache.yaml": """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: php-apache
      spec:
        selector:
          matchLabels:
            run: php-apache
        template:
          metadata:
            labels:
              run: php-apache
          spec:
            containers:
            - name: php-apache
              image: registry.k8s.io/hpa-example
              ports:
              - containerPort: 80
              resources:
                limits:
                  cpu: 500m
                requests:
                  cpu: 200m
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: php-apache
        labels:
          run: php-apache
      spec:
        ports:
        - port: 80
        selector:
          run: php-apache

      """,
  ]

  /// The nginx Deployment of "Run a Stateless Application Using a Deployment"
  /// and its update and scale steps.
  private static func nginxDeployment(replicas: String, image: String, labelled: Bool = false) -> String {
    """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: nginx-deployment
    \(labelled ? "  labels:\n    app: nginx\n" : "")spec:
      selector:
        matchLabels:
          app: nginx
      replicas: \(replicas)
      template:
        metadata:
          labels:
            app: nginx
        spec:
          containers:
          - name: nginx
            image: \(image)
            ports:
            - containerPort: 80

    """
  }

  /// The alpine Deployments of "Updating Configuration via a ConfigMap": a
  /// loop that says something every ten seconds; `before` and `after` are
  /// whole lines placed around its command and ports.
  private static func alpineLoop(_ name: String, says: String, before: String = "", after: String = "") -> String {
    let head = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: \(name)
        labels:
          app.kubernetes.io/name: \(name)
      spec:
        replicas: 3
        selector:
          matchLabels:
            app.kubernetes.io/name: \(name)
        template:
          metadata:
            labels:
              app.kubernetes.io/name: \(name)
          spec:
            containers:
              - name: alpine
                image: alpine:3

      """
    let command = """
              command:
                - /bin/sh
                - -c
                - while true; do echo "$(date) \(says)";
                  sleep 10; done;
              ports:
                - containerPort: 80

    """
    return head + before + command + after
  }

  /// The headless Service and `web` StatefulSet of "StatefulSet Basics".
  private static func statefulSet(policy: String) -> String {
    """
    apiVersion: v1
    kind: Service
    metadata:
      name: nginx
      labels:
        app: nginx
    spec:
      ports:
      - port: 80
        name: web
      clusterIP: None
      selector:
        app: nginx
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: web
    spec:
      serviceName: "nginx"
    \(policy)  replicas: 2
      selector:
        matchLabels:
          app: nginx
      template:
        metadata:
          labels:
            app: nginx
        spec:
          containers:
          - name: nginx
            image: registry.k8s.io/nginx-slim:0.21
            ports:
            - containerPort: 80
              name: web
            volumeMounts:
            - name: www
              mountPath: /usr/share/nginx/html
      volumeClaimTemplates:
      - metadata:
          name: www
        spec:
          accessModes: [ "ReadWriteOnce" ]
          resources:
            requests:
              storage: 1Gi

    """
  }
}
