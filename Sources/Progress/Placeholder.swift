import CSQLite
import Tutor
