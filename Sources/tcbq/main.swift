import Foundation
import TCBQShell

exit(await TCBQMain.run())
