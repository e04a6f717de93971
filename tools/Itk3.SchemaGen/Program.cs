using Itk3.SchemaGen;

// Usage: Itk3.SchemaGen <profiles-types.json> <profiles-resources.json> <output.schema>
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: Itk3.SchemaGen <profiles-types.json> <profiles-resources.json> <output.schema>");
    return 2;
}

var definitions = StructureDefinitionSource.Load(args[0], args[1]);
var text = SchemaWriter.Write(definitions);
File.WriteAllText(args[2], text);
Console.WriteLine($"wrote {args[2]}: {definitions.Count} structure definitions");
return 0;
