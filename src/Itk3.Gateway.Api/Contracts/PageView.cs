namespace Itk3.Gateway.Api.Contracts;

/// <summary>One page of a list, newest first.</summary>
/// <typeparam name="T">The listed item.</typeparam>
/// <param name="Items">The items on this page.</param>
/// <param name="Total">How many items match across all pages.</param>
/// <param name="Page">This page's number, from 1.</param>
/// <param name="PageSize">The page size asked for.</param>
public sealed record PageView<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
