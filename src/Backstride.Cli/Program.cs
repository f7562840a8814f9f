using Backstride.Cli;

return InspectCommand.Run(args, Console.Out, Console.Error);
