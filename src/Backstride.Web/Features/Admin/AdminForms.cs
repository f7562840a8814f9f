using Backstride.Core.Shop;
using Backstride.Core.Validation;
using Backstride.Data.Shop;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace Backstride.Web.Features.Admin;

/// <summary>The product form; its property names are the draft's, so rule messages land beside their fields.</summary>
public sealed class ProductForm
{
    public string? Slug { get; set; }

    public string? Name { get; set; }

    public string? Summary { get; set; }

    public string? Description { get; set; }

    public string? Ingredients { get; set; }

    public string? Directions { get; set; }

    public string? SafetyText { get; set; }

    public bool IsPublished { get; set; }

    public ProductDraft ToDraft() => new(Slug, Name, Summary, Description, Ingredients, Directions, SafetyText, IsPublished);

    public static ProductForm From(Product product) => new()
    {
        Slug = product.Slug,
        Name = product.Name,
        Summary = product.Summary,
        Description = product.Description,
        Ingredients = product.Ingredients,
        Directions = product.Directions,
        SafetyText = product.SafetyText,
        IsPublished = product.IsPublished,
    };
}

/// <summary>A new variant (no VariantId) or changes to one.</summary>
public sealed class VariantForm
{
    public Guid? VariantId { get; set; }

    public string? Sku { get; set; }

    public string? Name { get; set; }

    public decimal? Price { get; set; }

    public int? LowStockThreshold { get; set; } = VariantRules.DefaultLowStockThreshold;

    public bool IsActive { get; set; } = true;

    public int? Position { get; set; }

    public VariantDraft ToDraft() => new(Sku, Name, Price, LowStockThreshold, IsActive, Position ?? 0);

    public static VariantForm From(ProductVariant variant) => new()
    {
        VariantId = variant.Id,
        Sku = variant.Sku,
        Name = variant.Name,
        Price = variant.Price,
        LowStockThreshold = variant.LowStockThreshold,
        IsActive = variant.IsActive,
        Position = variant.Position,
    };
}

public enum StockChange
{
    /// <summary>Add or take away, e.g. +24 for a delivery, −2 for damaged tubes.</summary>
    Adjust,

    /// <summary>Replace the count, e.g. after counting the shelf.</summary>
    Set,
}

/// <summary>One stock change of one variant; a reason is always required, for the audit log.</summary>
public sealed class StockForm
{
    public const string QuantityField = "Quantity";
    public const string ReasonField = "Reason";

    public Guid? VariantId { get; set; }

    public StockChange Mode { get; set; } = StockChange.Adjust;

    public int? Quantity { get; set; }

    public string? Reason { get; set; }

    /// <summary>What the page checks before the store is asked (the store checks again).</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (Quantity is not { } quantity)
        {
            errors.Add(QuantityField, Mode == StockChange.Set
                ? "Enter how many are on the shelf now."
                : "Enter how many to add (e.g. 24) or take away (e.g. -2).");
        }
        else if (Mode == StockChange.Set && quantity < 0)
        {
            errors.Add(QuantityField, "Stock cannot be below 0.");
        }
        else if (Mode == StockChange.Adjust && quantity == 0)
        {
            errors.Add(QuantityField, "Enter a change other than 0.");
        }
        if (string.IsNullOrWhiteSpace(Reason))
        {
            errors.Add(ReasonField, "Say why the stock changes, e.g. \"Delivery from the factory\" or \"2 tubes damaged\".");
        }
        return errors;
    }

    /// <summary>Sends the change to the store: one conditional update, never below 0.</summary>
    public Task<ShopResult<ProductVariant>> ApplyAsync(CatalogAdminStore catalog, AdminActor actor,
        CancellationToken cancellationToken) =>
        Mode == StockChange.Set
            ? catalog.SetStockAsync(VariantId!.Value, Quantity!.Value, Reason, actor, cancellationToken)
            : catalog.AdjustStockAsync(VariantId!.Value, Quantity!.Value, Reason, actor, cancellationToken);
}

/// <summary>The discount form. Dates are typed and shown in UTC, the way codes are stored and checked.</summary>
public sealed class DiscountForm
{
    public string? Code { get; set; }

    public DiscountKind? Kind { get; set; } = DiscountKind.Percent;

    public decimal? Value { get; set; }

    public decimal? MaxDiscount { get; set; }

    public DateTime? StartsAt { get; set; }

    public DateTime? EndsAt { get; set; }

    public int? UsageLimit { get; set; }

    public int? PerCustomerLimit { get; set; }

    public bool IsActive { get; set; } = true;

    public DiscountDraft ToDraft() => new(Code, Kind, Value, MaxDiscount, Utc(StartsAt), Utc(EndsAt), UsageLimit,
        PerCustomerLimit, IsActive);

    public static DiscountForm From(DiscountCode code) => new()
    {
        Code = code.Code,
        Kind = code.Kind,
        Value = code.Value,
        MaxDiscount = code.MaxDiscount,
        StartsAt = code.StartsAt?.UtcDateTime,
        EndsAt = code.EndsAt?.UtcDateTime,
        UsageLimit = code.UsageLimit,
        PerCustomerLimit = code.PerCustomerLimit,
        IsActive = code.IsActive,
    };

    private static DateTimeOffset? Utc(DateTime? typed) =>
        typed is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), TimeSpan.Zero) : null;
}

/// <summary>
/// The order list's search and filters, read from the query string the same way by the list page and the CSV export,
/// so the export holds exactly the orders the owner was looking at. Values that are not a status are ignored.
/// </summary>
public sealed record OrderFilter(string? Text, OrderStatus? Status, PaymentStatus? Payment, ShippingStatus? Shipping)
{
    public const int PageSize = 50;

    public static OrderFilter From(IQueryCollection query) => new(
        Clean(query["q"]), Parse<OrderStatus>(query["status"]), Parse<PaymentStatus>(query["payment"]),
        Parse<ShippingStatus>(query["shipping"]));

    public bool IsEmpty => Text is null && Status is null && Payment is null && Shipping is null;

    public OrderSearch ToSearch(int page = 1, int pageSize = PageSize) => new(Text, Status, Payment, Shipping, page, pageSize);

    /// <summary>"?q=…&amp;status=…" for links that keep the filter, with a page number when one is given.</summary>
    public string ToQueryString(int? page = null)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (Text is not null)
        {
            pairs.Add(new("q", Text));
        }
        if (Status is { } status)
        {
            pairs.Add(new("status", status.ToString()));
        }
        if (Payment is { } payment)
        {
            pairs.Add(new("payment", payment.ToString()));
        }
        if (Shipping is { } shipping)
        {
            pairs.Add(new("shipping", shipping.ToString()));
        }
        if (page is > 1)
        {
            pairs.Add(new("page", page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return QueryString.Create(pairs).ToUriComponent();
    }

    private static string? Clean(StringValues value)
    {
        var text = value.ToString().Trim();
        return text.Length == 0 ? null : text;
    }

    private static T? Parse<T>(StringValues value)
        where T : struct, Enum =>
        Enum.TryParse<T>(value.ToString(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}

/// <summary>The product image form: the file and the words that describe it to people who cannot see it.</summary>
public sealed class ImageForm
{
    public const string FileField = "File";
    public const string AltTextField = "AltText";

    public IFormFile? File { get; set; }

    public string? AltText { get; set; }
}

/// <summary>A variant as the stock form's list names it, e.g. "WBC Copper Cream · 50 ml tube (WBC-50) · 12 in stock".</summary>
public sealed record StockChoice(Guid VariantId, string Label)
{
    public static StockChoice Of(ProductVariant variant, string? productName) => new(variant.Id,
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{(productName is null ? "" : productName + " · ")}{variant.Name} ({variant.Sku}) · {variant.Stock} in stock"));
}

public sealed record StockFormView(StockForm Form, IReadOnlyList<StockChoice> Choices, string Action);

public static class AdminPages
{
    public const string StockPrefix = "Stock";

    private static readonly Dictionary<string, string> StockStoreFields = new(StringComparer.Ordinal)
    {
        [CatalogAdminStore.ChangeField] = StockForm.QuantityField,
        [CatalogAdminStore.StockField] = StockForm.QuantityField,
        [CatalogAdminStore.ReasonField] = StockForm.ReasonField,
    };

    /// <summary>Shows a store's answer on the form: field messages beside their fields, a refusal at the top.</summary>
    /// <param name="storeFields">The store's field names that this form calls otherwise, e.g. "Change" for "Quantity".</param>
    public static void AddShopErrors<T>(this ModelStateDictionary modelState, ShopResult<T> result, string prefix,
        IReadOnlyDictionary<string, string>? storeFields = null)
        where T : class
    {
        if (storeFields is null)
        {
            modelState.AddRuleErrors(result.Errors, prefix);
        }
        else
        {
            var renamed = new ValidationErrors();
            foreach (var field in result.Errors.Fields)
            {
                foreach (var message in result.Errors.For(field))
                {
                    renamed.Add(storeFields.GetValueOrDefault(field, field), message);
                }
            }
            modelState.AddRuleErrors(renamed, prefix);
        }
        if (!string.IsNullOrEmpty(result.Message))
        {
            modelState.AddModelError(string.Empty, result.Message);
        }
        else if (result.Outcome == ShopOutcome.NotFound)
        {
            modelState.AddModelError(string.Empty, "That item no longer exists; someone may have removed it. Reload the page.");
        }
    }

    /// <summary>Checks and applies a stock change; the changed variant, or null with the reasons in the model state.</summary>
    public static async Task<ProductVariant?> SaveStockAsync(this StockForm form, CatalogAdminStore catalog,
        ModelStateDictionary modelState, AdminActor actor, CancellationToken cancellationToken)
    {
        var errors = form.Validate();
        if (form.VariantId is null)
        {
            modelState.AddModelError(StockPrefix + ".VariantId", "Choose the size whose stock changes.");
        }
        if (!modelState.IsValid || !errors.IsValid)
        {
            modelState.AddRuleErrors(errors, StockPrefix);
            return null;
        }
        var result = await form.ApplyAsync(catalog, actor, cancellationToken);
        if (result.Value is { } variant)
        {
            return variant;
        }
        modelState.AddShopErrors(result, StockPrefix, StockStoreFields);
        return null;
    }

    /// <summary>"Stock of WBC-50 is now 12."</summary>
    public static string StockNotice(ProductVariant variant) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"Stock of {variant.Sku} is now {variant.Stock}.");
}
