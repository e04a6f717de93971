using Itk3.SchemaGen;

// Usage: Itk3.SchemaGen <fhir package folder (holds profiles/stu3 and schemas/stu3)> <output.schema>
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Itk3.SchemaGen <fhir-package-folder> <output.schema>");
    return 2;
}

var profiles = Path.Combine(args[0], "profiles", "stu3");
var definitions = StructureDefinitionSource.Load(Path.Combine(profiles, "profiles-types.json"), Path.Combine(profiles, "profiles-resources.json"));
var bindings = new RequiredBindings([Path.Combine(profiles, "valuesets.json")]);
var text = SchemaWriter.Write(definitions, bindings, Path.Combine(args[0], "schemas", "stu3"));
File.WriteAllText(args[1], text);
Console.WriteLine($"wrote {args[1]}: {definitions.Count} structure definitions");
return 0;
