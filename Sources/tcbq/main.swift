import TCBQShell

await TCBQCommand.main()
