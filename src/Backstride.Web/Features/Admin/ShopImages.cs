using System.Diagnostics.CodeAnalysis;
using Backstride.Web.Infrastructure;

namespace Backstride.Web.Features.Admin;

/// <summary>A stored product image: its file name in the data folder and the type its bytes were found to be.</summary>
public sealed record StoredImage(string FileName, string ContentType);

/// <summary>What became of an upload: the stored image, or why it was refused (in words for the owner).</summary>
public sealed record ImageUpload(StoredImage? Image, string? Refusal);

/// <summary>
/// Product images in &lt;data folder&gt;/shop-images, named &lt;guid&gt;.&lt;ext&gt; by the app, never by the uploader.
/// Only JPEG, PNG and WebP are taken, and only when the file's first bytes say so, whatever its name claims.
/// </summary>
public sealed class ShopImages(StorageLocation storage)
{
    public const string FolderName = "shop-images";

    public const long MaxBytes = 5L * 1024 * 1024;

    public const string UrlPrefix = "/shop/images/";

    public const string NoFileMessage = "Choose an image file: JPEG, PNG or WebP.";

    public const string TooLargeMessage = "The image is larger than 5 MB. Make it smaller and upload it again.";

    public const string WrongTypeMessage = "Only JPEG, PNG and WebP images can be uploaded, and this file is not one of them.";

    // Enough of the start of a file to tell the three formats apart: WebP needs "RIFF", a size, then "WEBP".
    private const int SignatureLength = 12;

    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] RiffSignature = "RIFF"u8.ToArray();
    private static readonly byte[] WebpSignature = "WEBP"u8.ToArray();
    private const int WebpOffset = 8;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["jpg"] = "image/jpeg",
        ["png"] = "image/png",
        ["webp"] = "image/webp",
    };

    private static readonly string[] UploadExtensions = [".jpg", ".jpeg", ".png", ".webp"];

    public string Folder => Path.Combine(storage.DataDirectory, FolderName);

    public static string UrlOf(string fileName) => UrlPrefix + fileName;

    /// <summary>Stores an upload after checking its size, its name's extension and its first bytes.</summary>
    public async Task<ImageUpload> SaveAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return new ImageUpload(null, NoFileMessage);
        }
        if (file.Length > MaxBytes)
        {
            return new ImageUpload(null, TooLargeMessage);
        }
        if (!UploadExtensions.Contains(Path.GetExtension(file.FileName).ToLowerInvariant(), StringComparer.Ordinal))
        {
            return new ImageUpload(null, WrongTypeMessage);
        }

        await using var source = file.OpenReadStream();
        var head = new byte[SignatureLength];
        var read = await source.ReadAtLeastAsync(head, SignatureLength, throwOnEndOfStream: false, cancellationToken);
        if (ExtensionFor(head.AsSpan(0, read)) is not { } extension)
        {
            return new ImageUpload(null, WrongTypeMessage);
        }

        Directory.CreateDirectory(Folder);
        var fileName = $"{Guid.CreateVersion7():N}.{extension}";
        var path = Path.Combine(Folder, fileName);
        try
        {
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None,
                bufferSize: 81920, useAsync: true);
            await target.WriteAsync(head.AsMemory(0, read), cancellationToken);
            await source.CopyToAsync(target, cancellationToken);
            if (target.Length > MaxBytes)
            {
                throw new InvalidDataException(TooLargeMessage);
            }
        }
        catch (InvalidDataException)
        {
            Delete(fileName);
            return new ImageUpload(null, TooLargeMessage);
        }
        catch
        {
            Delete(fileName);
            throw;
        }
        return new ImageUpload(new StoredImage(fileName, ContentTypes[extension]), null);
    }

    /// <summary>Removes a stored image's file; a name the app did not make is ignored.</summary>
    public void Delete(string fileName)
    {
        if (IsStoredName(fileName, out _))
        {
            File.Delete(Path.Combine(Folder, fileName));
        }
    }

    /// <summary>True only for names the app makes: a GUID (32 hex digits, lower case) and one of the three extensions.</summary>
    public static bool IsStoredName(string? fileName, [NotNullWhen(true)] out string? contentType)
    {
        contentType = null;
        if (string.IsNullOrEmpty(fileName) || fileName.Length > 40)
        {
            return false;
        }
        var dot = fileName.IndexOf('.', StringComparison.Ordinal);
        if (dot != 32 || !Guid.TryParseExact(fileName.AsSpan(0, dot), "N", out var id)
            || !string.Equals(id.ToString("N"), fileName[..dot], StringComparison.Ordinal))
        {
            return false;
        }
        return ContentTypes.TryGetValue(fileName[(dot + 1)..], out contentType);
    }

    /// <summary>"jpg", "png" or "webp" from a file's first bytes; null for anything else.</summary>
    public static string? ExtensionFor(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(JpegSignature))
        {
            return "jpg";
        }
        if (head.StartsWith(PngSignature))
        {
            return "png";
        }
        if (head.Length >= SignatureLength && head.StartsWith(RiffSignature) && head[WebpOffset..].StartsWith(WebpSignature))
        {
            return "webp";
        }
        return null;
    }
}

public static class ShopImagesEndpoint
{
    /// <summary>Serves stored product images to anyone; names that the app could not have made are 404 before the disk is touched.</summary>
    public static void MapShopImages(this WebApplication app) =>
        app.MapGet(ShopImages.UrlPrefix + "{fileName}", (string fileName, ShopImages images, HttpContext context) =>
        {
            if (!ShopImages.IsStoredName(fileName, out var contentType))
            {
                return Results.NotFound();
            }
            var path = Path.Combine(images.Folder, fileName);
            if (!File.Exists(path))
            {
                return Results.NotFound();
            }
            // A stored image never changes: a new upload gets a new name.
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(path, contentType);
        }).AllowAnonymous().ExcludeFromDescription();
}
