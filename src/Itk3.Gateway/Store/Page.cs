namespace Itk3.Gateway.Store;

/// <summary>One page of a filtered list.</summary>
/// <typeparam name="T">The listed record.</typeparam>
/// <param name="Items">The records on this page.</param>
/// <param name="Total">How many records match the filter across all pages.</param>
/// <param name="Skip">How many matching records come before this page.</param>
/// <param name="Take">The page size asked for.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Skip, int Take);
