import Kubectl
