namespace Itk3.Messaging.Codes;

/// <summary>A code of ITK-RecipientType-1: <c>FA</c> For Action or <c>FI</c> For Information.</summary>
public sealed record RecipientType(string Code, string Display);
