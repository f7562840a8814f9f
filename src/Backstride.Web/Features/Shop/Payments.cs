using Backstride.Core.Shop;

namespace Backstride.Web.Features.Shop;

/// <summary>What a card payment provider answers for one order.</summary>
public sealed record CardPaymentResult(bool Succeeded, string? ProviderReference, string? FailureMessage);

/// <summary>
/// A card payment provider (e.g. a hosted payment page). None is registered yet, so the checkout offers only the
/// offline methods (pay on delivery, bank transfer); a provider is added by implementing this and registering it.
/// </summary>
public interface ICardPaymentProvider
{
    /// <summary>The name customers see, e.g. "Card (Visa, Mastercard)".</summary>
    string DisplayName { get; }

    /// <summary>Starts paying a placed order; returns where to send the customer to enter their card.</summary>
    Task<Uri> StartAsync(Order order, Uri returnUrl, CancellationToken cancellationToken = default);

    /// <summary>Confirms with the provider, never with the browser's word alone, whether the order was paid.</summary>
    Task<CardPaymentResult> ConfirmAsync(Order order, string providerReference, CancellationToken cancellationToken = default);
}
