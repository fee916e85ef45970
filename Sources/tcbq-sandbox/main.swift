import TCBQSandboxServer

await SandboxCommand.runFromCommandLine()
