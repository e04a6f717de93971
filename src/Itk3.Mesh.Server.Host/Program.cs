using System.CommandLine;
using Itk3.Mesh.Server.Host;

// itk3-mesh-server: the local MESH server on its own, with the options of `itk3 mesh serve`.
var root = new RootCommand();
MeshServeCommand.Configure(root);
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
