import CEditLine
import Kubectl
import Tutor
import Progress
