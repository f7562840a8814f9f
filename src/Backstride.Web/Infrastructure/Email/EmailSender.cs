using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Backstride.Web.Infrastructure.Email;

public sealed record EmailMessage(string To, string Subject, string TextBody);

/// <summary>Where people reach the app; bound from "App".</summary>
public sealed class AppOptions
{
    public const string SectionName = "App";

    /// <summary>
    /// The address in links that e-mails carry, e.g. https://backstride.example. Empty means the address of the
    /// request, which a client can set to anything: set it in production.
    /// </summary>
    public string PublicUrl { get; set; } = "";

    public string BaseUrlFor(HttpRequest request) => string.IsNullOrWhiteSpace(PublicUrl)
        ? $"{request.Scheme}://{request.Host}"
        : PublicUrl.TrimEnd('/');
}

/// <summary>The one way Backstride sends e-mail: account mail now, order mail later.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

public sealed class SmtpOptions
{
    /// <summary>Empty means no SMTP server: messages go to the pickup folder instead.</summary>
    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";
}

public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public string From { get; set; } = "Backstride <no-reply@backstride.local>";

    /// <summary>Where .eml files go without SMTP; empty means "mail-pickup" in the data folder.</summary>
    public string PickupDirectory { get; set; } = "";

    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>Sends through SMTP (MailKit) when a host is configured, otherwise writes .eml files and logs where.</summary>
internal sealed class EmailSender(IOptions<EmailOptions> options, StorageLocation storage, TimeProvider clock,
    ILogger<EmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Body = new TextPart("plain") { Text = message.TextBody },
            Date = clock.GetUtcNow(),
        };
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));

        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            await WriteToPickupAsync(mime, settings, cancellationToken);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, settings.Smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Smtp.UserName))
        {
            await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password, cancellationToken);
        }
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("E-mail '{Subject}' sent through {Host}", message.Subject, settings.Smtp.Host);
    }

    private async Task WriteToPickupAsync(MimeMessage mime, EmailOptions settings, CancellationToken cancellationToken)
    {
        var folder = string.IsNullOrWhiteSpace(settings.PickupDirectory)
            ? Path.Combine(storage.DataDirectory, "mail-pickup")
            : Path.GetFullPath(settings.PickupDirectory);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{Guid.CreateVersion7():N}.eml");
        await mime.WriteToAsync(path, cancellationToken);
        logger.LogInformation("No SMTP server configured: e-mail '{Subject}' written to {Path}", mime.Subject, path);
    }
}
