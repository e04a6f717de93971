namespace Itk3.Mesh.Server.Delivery;

/// <summary>What a REPORT says about a failed message.</summary>
internal sealed record ReportDetails(string Event, string Code, string Description, string StatusSuccess = "ERROR");
