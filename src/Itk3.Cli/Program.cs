using Itk3.Cli;

return await CliApplication.RunAsync(args);
