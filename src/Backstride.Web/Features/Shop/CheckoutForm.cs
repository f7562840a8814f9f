using Backstride.Core.Shop;

namespace Backstride.Web.Features.Shop;

/// <summary>The checkout form as the customer fills it in; field names match <see cref="CheckoutRules"/>' fields.</summary>
public sealed class CheckoutForm
{
    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? Line1 { get; set; }

    public string? Line2 { get; set; }

    public string? City { get; set; }

    public string? Region { get; set; }

    public string? PostalCode { get; set; }

    public string? Country { get; set; } = "US";

    public string? DiscountCode { get; set; }

    public PaymentMethod? PaymentMethod { get; set; }

    public bool AcceptedTerms { get; set; }

    /// <summary>Made when the form is first shown and posted back unchanged, so the same submission makes one order.</summary>
    public string? IdempotencyKey { get; set; }

    public CheckoutDraft ToDraft() => new(Email, Name, Line1, Line2, City, Region, PostalCode, Country, DiscountCode,
        PaymentMethod, AcceptedTerms, IdempotencyKey);

    public static string NewIdempotencyKey() => Guid.NewGuid().ToString("N");
}
