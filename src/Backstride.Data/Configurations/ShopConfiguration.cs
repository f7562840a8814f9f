using Backstride.Core.Shop;
using Backstride.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Backstride.Data.Configurations;

// The shop's tables are not diary tables: no per-runner filter, and an admin reads them all.
// Money columns get their storage from the context's conventions (cents on SQLite, numeric(12,2) on PostgreSQL).
internal static class ShopColumns
{
    public const int EnumLength = 24;
    // Identity's limit, for the admins' account e-mails.
    public const int AccountEmailLength = 256;
    public const int CurrencyLength = 3;
    public const int CountryLength = 2;
    public const int ContentTypeLength = 100;
    public const int FileNameLength = 200;
    public const int AltTextLength = 300;
    public const int ShippingMethodLength = 100;
    public const int TrackingNumberLength = 100;
    public const int OrderNumberLength = 20;
    public const int NoteLength = 2_000;
    public const int AuditActionLength = 48;
    public const int AuditEntityTypeLength = 48;
    public const int AuditEntityIdLength = 64;
    public const int AuditDetailsLength = 2_000;
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> product)
    {
        product.ToTable("Products");
        product.HasKey(p => p.Id);
        product.Property(p => p.Id).ValueGeneratedNever();
        product.Property(p => p.Slug).HasMaxLength(ProductRules.MaxSlugLength);
        product.Property(p => p.Name).HasMaxLength(ProductRules.MaxNameLength);
        product.Property(p => p.NormalizedName).HasMaxLength(ProductRules.MaxNameLength);
        product.Property(p => p.Summary).HasMaxLength(ProductRules.MaxTextLength);
        product.Property(p => p.Description).HasMaxLength(ProductRules.MaxTextLength);
        product.Property(p => p.Ingredients).HasMaxLength(ProductRules.MaxTextLength);
        product.Property(p => p.Directions).HasMaxLength(ProductRules.MaxTextLength);
        product.Property(p => p.SafetyText).HasMaxLength(ProductRules.MaxTextLength);
        product.HasIndex(p => p.Slug).IsUnique();
        product.HasMany(p => p.Variants).WithOne(v => v.Product).HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
        product.HasMany(p => p.Images).WithOne().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProductVariantConfiguration : IEntityTypeConfiguration<ProductVariant>
{
    public void Configure(EntityTypeBuilder<ProductVariant> variant)
    {
        // The last line of defence against overselling: no update can leave stock below zero.
        variant.ToTable("ProductVariants", t => t.HasCheckConstraint("CK_ProductVariants_Stock", "\"Stock\" >= 0"));
        variant.HasKey(v => v.Id);
        variant.Property(v => v.Id).ValueGeneratedNever();
        variant.Property(v => v.Sku).HasMaxLength(VariantRules.MaxSkuLength);
        variant.Property(v => v.Name).HasMaxLength(VariantRules.MaxNameLength);
        variant.HasIndex(v => v.Sku).IsUnique();
    }
}

internal sealed class ProductImageConfiguration : IEntityTypeConfiguration<ProductImage>
{
    public void Configure(EntityTypeBuilder<ProductImage> image)
    {
        image.ToTable("ProductImages");
        image.HasKey(i => i.Id);
        image.Property(i => i.Id).ValueGeneratedNever();
        image.Property(i => i.FileName).HasMaxLength(ShopColumns.FileNameLength);
        image.Property(i => i.ContentType).HasMaxLength(ShopColumns.ContentTypeLength);
        image.Property(i => i.AltText).HasMaxLength(ShopColumns.AltTextLength);
    }
}

internal sealed class CartConfiguration : IEntityTypeConfiguration<Cart>
{
    public void Configure(EntityTypeBuilder<Cart> cart)
    {
        cart.ToTable("Carts");
        cart.HasKey(c => c.Id);
        cart.Property(c => c.Id).ValueGeneratedNever();
        // A guest cart has no user; a deleted account's cart goes with it.
        cart.HasOne<UserAccount>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        cart.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.CartId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CartLineConfiguration : IEntityTypeConfiguration<CartLine>
{
    public void Configure(EntityTypeBuilder<CartLine> line)
    {
        line.ToTable("CartLines");
        line.HasKey(l => l.Id);
        line.Property(l => l.Id).ValueGeneratedNever();
        line.HasOne<ProductVariant>().WithMany().HasForeignKey(l => l.VariantId).OnDelete(DeleteBehavior.Cascade);
        // One line per variant: adding the same size again raises its quantity.
        line.HasIndex(l => new { l.CartId, l.VariantId }).IsUnique();
    }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> order)
    {
        order.ToTable("Orders");
        order.HasKey(o => o.Id);
        order.Property(o => o.Id).ValueGeneratedNever();
        order.Property(o => o.Number).HasMaxLength(ShopColumns.OrderNumberLength);
        order.Property(o => o.IdempotencyKey).HasMaxLength(CheckoutRules.MaxIdempotencyKeyLength);
        order.Property(o => o.Email).HasMaxLength(CheckoutRules.MaxEmailLength);
        order.Property(o => o.NormalizedEmail).HasMaxLength(CheckoutRules.MaxEmailLength);
        order.Property(o => o.ShippingMethod).HasMaxLength(ShopColumns.ShippingMethodLength);
        order.Property(o => o.PaymentMethod).HasConversion<string>().HasMaxLength(ShopColumns.EnumLength);
        order.Property(o => o.Currency).HasMaxLength(ShopColumns.CurrencyLength);
        order.Property(o => o.DiscountCode).HasMaxLength(DiscountRules.MaxCodeLength);
        order.Property(o => o.Status).HasConversion<string>().HasMaxLength(ShopColumns.EnumLength);
        order.Property(o => o.PaymentStatus).HasConversion<string>().HasMaxLength(ShopColumns.EnumLength);
        order.Property(o => o.ShippingStatus).HasConversion<string>().HasMaxLength(ShopColumns.EnumLength);
        order.Property(o => o.TrackingNumber).HasMaxLength(ShopColumns.TrackingNumberLength);
        // Every write to an order sets UpdatedAt, so a save that read the order before another change fails instead of
        // writing over it (a "mark shipped" over a cancellation); OrderStore turns that into a refusal.
        order.Property(o => o.UpdatedAt).IsConcurrencyToken();
        order.OwnsOne(o => o.ShippingAddress, address =>
        {
            address.Property(a => a.Name).HasColumnName("Ship_Name").HasMaxLength(CheckoutRules.MaxNameLength);
            address.Property(a => a.Line1).HasColumnName("Ship_Line1").HasMaxLength(CheckoutRules.MaxAddressLineLength);
            address.Property(a => a.Line2).HasColumnName("Ship_Line2").HasMaxLength(CheckoutRules.MaxAddressLineLength);
            address.Property(a => a.City).HasColumnName("Ship_City").HasMaxLength(CheckoutRules.MaxCityLength);
            address.Property(a => a.Region).HasColumnName("Ship_Region").HasMaxLength(CheckoutRules.MaxRegionLength);
            address.Property(a => a.PostalCode).HasColumnName("Ship_PostalCode").HasMaxLength(CheckoutRules.MaxPostalCodeLength);
            address.Property(a => a.Country).HasColumnName("Ship_Country").HasMaxLength(ShopColumns.CountryLength);
        });
        order.Navigation(o => o.ShippingAddress).IsRequired();
        // The order stays when its customer deletes their account: the shop still has to ship, refund and keep books.
        order.HasOne<UserAccount>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.SetNull);
        order.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        order.HasMany(o => o.Notes).WithOne().HasForeignKey(n => n.OrderId).OnDelete(DeleteBehavior.Cascade);
        order.HasIndex(o => o.Number).IsUnique();
        // The same checkout submission twice (double click, retry) can make only one order.
        order.HasIndex(o => o.IdempotencyKey).IsUnique();
        order.HasIndex(o => o.NormalizedEmail);
        order.HasIndex(o => o.UserId);
        order.HasIndex(o => o.CreatedAt);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> line)
    {
        line.ToTable("OrderLines");
        line.HasKey(l => l.Id);
        line.Property(l => l.Id).ValueGeneratedNever();
        // No foreign key to the variant: a line is a copy of what was sold, and outlives the catalog entry.
        line.Property(l => l.ProductName).HasMaxLength(ProductRules.MaxNameLength);
        line.Property(l => l.VariantName).HasMaxLength(VariantRules.MaxNameLength);
        line.Property(l => l.Sku).HasMaxLength(VariantRules.MaxSkuLength);
    }
}

internal sealed class OrderNoteConfiguration : IEntityTypeConfiguration<OrderNote>
{
    public void Configure(EntityTypeBuilder<OrderNote> note)
    {
        note.ToTable("OrderNotes");
        note.HasKey(n => n.Id);
        note.Property(n => n.Id).ValueGeneratedNever();
        note.Property(n => n.Author).HasMaxLength(ShopColumns.AccountEmailLength);
        note.Property(n => n.Text).HasMaxLength(ShopColumns.NoteLength);
    }
}

internal sealed class DiscountCodeConfiguration : IEntityTypeConfiguration<DiscountCode>
{
    public void Configure(EntityTypeBuilder<DiscountCode> code)
    {
        code.ToTable("DiscountCodes", t => t.HasCheckConstraint("CK_DiscountCodes_TimesUsed", "\"TimesUsed\" >= 0"));
        code.HasKey(c => c.Id);
        code.Property(c => c.Id).ValueGeneratedNever();
        code.Property(c => c.Code).HasMaxLength(DiscountRules.MaxCodeLength);
        code.Property(c => c.Kind).HasConversion<string>().HasMaxLength(ShopColumns.EnumLength);
        code.HasIndex(c => c.Code).IsUnique();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditEntries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedNever();
        // No foreign key to the admin's account: the record of who did what outlives the account.
        entry.Property(e => e.ActorEmail).HasMaxLength(ShopColumns.AccountEmailLength);
        entry.Property(e => e.Action).HasMaxLength(ShopColumns.AuditActionLength);
        entry.Property(e => e.EntityType).HasMaxLength(ShopColumns.AuditEntityTypeLength);
        entry.Property(e => e.EntityId).HasMaxLength(ShopColumns.AuditEntityIdLength);
        entry.Property(e => e.Details).HasMaxLength(ShopColumns.AuditDetailsLength);
        entry.HasIndex(e => e.At);
    }
}
