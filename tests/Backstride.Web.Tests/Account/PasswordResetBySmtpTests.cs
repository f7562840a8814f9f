using System.Net;
using System.Text.RegularExpressions;
using Backstride.Web.Tests.Infrastructure;

namespace Backstride.Web.Tests.Account;

public sealed partial class PasswordResetBySmtpTests(BackstrideAppWithSmtp app) : IClassFixture<BackstrideAppWithSmtp>
{
    [Fact]
    public async Task PasswordReset_LinkSentOverSmtp_LetsTheRunnerSignInWithTheNewPassword()
    {
        var runner = await app.NewRunner().RegisterAsync();
        var visitor = app.NewRunner();

        await visitor.PostFormAsync("/account/forgot-password", ("Email", runner.Email));
        var mail = await app.Smtp.WaitForMessageToAsync(runner.Email);
        var link = new Uri(ResetLink().Match(mail.TextBody ?? "").Value);
        var form = await visitor.GetPageAsync(link.PathAndQuery);
        var code = form.QuerySelector("input[name=Code]")!.GetAttribute("value")!;
        var reset = await visitor.PostFormAsync(link.PathAndQuery,
            ("Email", runner.Email), ("Code", code), ("Password", "my new long password"));

        Assert.Equal("Reset your Backstride password", mail.Subject);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var oldPassword = await visitor.PostFormAsync("/account/sign-in",
            ("Input.Email", runner.Email), ("Input.Password", RunnerClient.Password));
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        var newPassword = await visitor.PostFormAsync("/account/sign-in",
            ("Input.Email", runner.Email), ("Input.Password", "my new long password"));
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
    }

    [GeneratedRegex(@"http://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
