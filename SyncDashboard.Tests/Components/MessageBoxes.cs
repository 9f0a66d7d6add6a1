using AngleSharp.Dom;
using Bunit;
using MudBlazor;

namespace SyncDashboard.Tests.Components;

/// <summary>Confirmations (MudBlazor message boxes) as the component tests answer them.</summary>
public static class MessageBoxes
{
    /// <summary>The open message box's button with <paramref name="text"/>, waiting for the box to appear.</summary>
    public static IElement MessageBoxButton(this IRenderedComponent<MudDialogProvider> dialogs, string text) =>
        dialogs.WaitForElements(".mud-message-box button").Single(b => Text.Of(b) == text);
}
