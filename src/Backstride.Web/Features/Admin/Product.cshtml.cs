using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Backstride.Web.Features.Shop;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Backstride.Web.Features.Admin;

/// <summary>
/// One product: its texts, publishing, its sizes with price and stock, and its images. Each part is its own form;
/// a form that fails keeps what was typed in it and shows the rest of the product as stored.
/// </summary>
public sealed class ProductEditModel(CatalogAdminStore catalog, ShopImages images, IOptions<ShopOptions> shop) : PageModel
{
    public const string AltTextMessage = "Describe the image for people who cannot see it, e.g. \"50 ml tube of copper cream\".";

    public Product Product { get; private set; } = null!;

    public string Currency => shop.Value.Currency;

    [BindProperty]
    public ProductForm Input { get; set; } = new();

    [BindProperty]
    public VariantForm Variant { get; set; } = new();

    [BindProperty]
    public StockForm Stock { get; set; } = new();

    [BindProperty]
    public ImageForm Image { get; set; } = new();

    public IReadOnlyList<ProductVariant> Variants =>
        [.. Product.Variants.OrderBy(v => v.Position).ThenBy(v => v.Name, StringComparer.Ordinal)];

    public IReadOnlyList<ProductImage> Images => [.. Product.Images.OrderBy(i => i.Position)];

    public StockFormView StockView => new(Stock, [.. Variants.Select(v => StockChoice.Of(v, null))],
        $"/admin/products/{Product.Id}?handler=Stock");

    /// <param name="variant">A size to edit in the size form.</param>
    /// <param name="stock">A size to preselect in the stock form.</param>
    public async Task<IActionResult> OnGetAsync(Guid id, Guid? variant, Guid? stock, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (variant is { } variantId && Product.Variants.Find(v => v.Id == variantId) is { } editing)
        {
            Variant = VariantForm.From(editing);
        }
        Stock = new StockForm { VariantId = stock ?? (Product.Variants.Count == 1 ? Product.Variants[0].Id : (Guid?)null) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, keepTypedProduct: true, cancellationToken))
        {
            return NotFound();
        }
        // The texts form never publishes or hides: the buttons beside the title do.
        var draft = Input.ToDraft() with { IsPublished = Product.IsPublished };
        if (!ModelState.IsValid)
        {
            ModelState.AddRuleErrors(ProductRules.Validate(draft), nameof(Input));
            return Page();
        }
        var result = await catalog.SaveProductAsync(id, draft, AdminRole.ActorOf(User), cancellationToken);
        if (result.Outcome == ShopOutcome.NotFound)
        {
            return NotFound();
        }
        if (result.Value is null)
        {
            ModelState.AddShopErrors(result, nameof(Input));
            return Page();
        }
        TempData["Notice"] = "Product saved.";
        return Redirect($"/admin/products/{id}");
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, bool publish, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var draft = ProductForm.From(Product).ToDraft() with { IsPublished = publish };
        var result = await catalog.SaveProductAsync(id, draft, AdminRole.ActorOf(User), cancellationToken);
        if (result.Outcome == ShopOutcome.NotFound)
        {
            return NotFound();
        }
        if (result.Value is not { } saved)
        {
            ModelState.AddShopErrors(result, nameof(Input));
            return Page();
        }
        TempData["Notice"] = saved.IsPublished
            ? $"Published: customers see it at /shop/{saved.Slug}."
            : "Hidden: customers no longer see it or can buy it.";
        return Redirect($"/admin/products/{id}");
    }

    public async Task<IActionResult> OnPostVariantAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Variant.VariantId is { } variantId && !Product.Variants.Exists(v => v.Id == variantId))
        {
            return NotFound();
        }
        var draft = Variant.ToDraft();
        if (!ModelState.IsValid)
        {
            ModelState.AddRuleErrors(VariantRules.Validate(draft), nameof(Variant));
            return Page();
        }
        var result = await catalog.SaveVariantAsync(id, Variant.VariantId, draft, AdminRole.ActorOf(User), cancellationToken);
        if (result.Outcome == ShopOutcome.NotFound)
        {
            return NotFound();
        }
        if (result.Value is not { } saved)
        {
            ModelState.AddShopErrors(result, nameof(Variant));
            return Page();
        }
        TempData["Notice"] = Variant.VariantId is null
            ? $"Size {saved.Name} added, with no stock yet: set its stock below."
            : $"Size {saved.Name} saved.";
        return Redirect($"/admin/products/{id}?stock={saved.Id}#stock-form");
    }

    public async Task<IActionResult> OnPostStockAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Stock.VariantId is { } variantId && !Product.Variants.Exists(v => v.Id == variantId))
        {
            return NotFound();
        }
        if (await Stock.SaveStockAsync(catalog, ModelState, AdminRole.ActorOf(User), cancellationToken) is not { } saved)
        {
            return Page();
        }
        TempData["Notice"] = AdminPages.StockNotice(saved);
        return Redirect($"/admin/products/{id}#variants");
    }

    public async Task<IActionResult> OnPostImageAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var prefix = nameof(Image) + ".";
        if (string.IsNullOrWhiteSpace(Image.AltText))
        {
            ModelState.AddModelError(prefix + ImageForm.AltTextField, AltTextMessage);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var upload = await images.SaveAsync(Image.File, cancellationToken);
        if (upload.Image is not { } stored)
        {
            ModelState.AddModelError(prefix + ImageForm.FileField, upload.Refusal ?? ShopImages.WrongTypeMessage);
            return Page();
        }
        var result = await catalog.AddImageAsync(id, stored.FileName, stored.ContentType, Image.AltText!.Trim(),
            AdminRole.ActorOf(User), cancellationToken);
        if (result.Value is null)
        {
            images.Delete(stored.FileName);
            if (result.Outcome == ShopOutcome.NotFound)
            {
                return NotFound();
            }
            ModelState.AddShopErrors(result, nameof(Image));
            return Page();
        }
        TempData["Notice"] = "Image added.";
        return Redirect($"/admin/products/{id}#images");
    }

    public async Task<IActionResult> OnPostRemoveImageAsync(Guid id, Guid imageId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Product.Images.Find(i => i.Id == imageId) is not { } image
            || !await catalog.RemoveImageAsync(imageId, AdminRole.ActorOf(User), cancellationToken))
        {
            return NotFound();
        }
        images.Delete(image.FileName);
        TempData["Notice"] = "Image removed.";
        return Redirect($"/admin/products/{id}#images");
    }

    private Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        LoadAsync(id, keepTypedProduct: false, cancellationToken);

    /// <param name="keepTypedProduct">True when the product form was posted: what was typed in it is shown back.</param>
    private async Task<bool> LoadAsync(Guid id, bool keepTypedProduct, CancellationToken cancellationToken)
    {
        if (await catalog.FindAsync(id, cancellationToken) is not { } product)
        {
            return false;
        }
        Product = product;
        if (!keepTypedProduct)
        {
            Input = ProductForm.From(product);
        }
        return true;
    }
}
