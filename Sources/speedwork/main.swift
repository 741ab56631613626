import SpeedworkCLI

await SpeedworkCommand.main()
