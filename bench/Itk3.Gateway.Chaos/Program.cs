using Itk3.Gateway.Chaos;

return await ChaosCommand.Create().Parse(args).InvokeAsync();
