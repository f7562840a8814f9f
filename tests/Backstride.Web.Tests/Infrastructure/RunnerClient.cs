using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Backstride.Web.Tests.Infrastructure;

/// <summary>One person's session with the app: a cookie jar, forms with their antiforgery tokens, and the API.</summary>
public sealed class RunnerClient(HttpClient http)
{
    public const string Password = "correct horse battery";

    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public string Email { get; private set; } = "";

    public Guid UserId { get; private set; }

    public static string UniqueEmail() => $"runner+{Guid.NewGuid():N}@example.com";

    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>Fetches the form's page for its antiforgery token, then posts the fields as a browser would.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, params (string Name, string Value)[] fields)
    {
        var token = await AntiforgeryTokenAsync(url);
        return await PostWithTokenAsync(url, token, fields);
    }

    public async Task<string> AntiforgeryTokenAsync(string url)
    {
        var page = await Http.GetAsync(url);
        var document = await ParseAsync(page);
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on {url} ({(int)page.StatusCode})");
        return token!;
    }

    public Task<HttpResponseMessage> PostWithTokenAsync(string url, string token, params (string Name, string Value)[] fields)
    {
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", token));
        return Http.PostAsync(url, new FormUrlEncodedContent(pairs));
    }

    /// <summary>Registers through the page (with consent) and stays signed in by cookie.</summary>
    public async Task<RunnerClient> RegisterAsync(string? email = null, string timeZone = "Europe/Berlin")
    {
        Email = email ?? UniqueEmail();
        var response = await PostFormAsync("/account/register",
            ("Input.Email", Email), ("Input.Password", Password), ("Input.HealthDataConsent", "true"),
            ("Input.TimeZoneId", timeZone));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var settings = await Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/settings");
        Assert.Equal(timeZone, settings.GetProperty("timeZone").GetString());
        return this;
    }

    /// <summary>Registers through the API and uses a bearer token from then on (no cookie).</summary>
    public async Task<RunnerClient> RegisterWithTokenAsync(string timeZone = "UTC")
    {
        Email = UniqueEmail();
        var registered = await Http.PostAsJsonAsync("/api/v1/account/register",
            new { email = Email, password = Password, healthDataConsent = true, timeZone });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        UserId = (await registered.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var token = await Http.PostAsJsonAsync("/api/v1/account/token", new { email = Email, password = Password });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var accessToken = (await token.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>())
            .GetProperty("accessToken").GetString();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return this;
    }

    /// <summary>Logs a run through the page and returns its id (from the redirect to its check-in).</summary>
    public async Task<Guid> LogRunAsync(string startedAt = "2026-11-20T07:30", string distance = "10",
        string hours = "0", string minutes = "50", string seconds = "0", string surface = "Road",
        string shoes = "", string notes = "")
    {
        var response = await PostFormAsync("/runs/new",
            ("Input.StartedAt", startedAt), ("Input.Distance", distance), ("Input.Hours", hours),
            ("Input.Minutes", minutes), ("Input.Seconds", seconds), ("Input.Surface", surface),
            ("Input.Shoes", shoes), ("Input.StretchedBefore", "false"), ("Input.Effort", "5"), ("Input.Notes", notes));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return Guid.Parse(location[(location.IndexOf("runId=", StringComparison.Ordinal) + "runId=".Length)..]);
    }

    /// <summary>Checks in through the page, the way the form posts it.</summary>
    public async Task<HttpResponseMessage> CheckInAsync(Guid? runId, int? pain, string recordedAt = "2026-11-20T08:40",
        string[]? locations = null, string stiffness = "Mild", string legSpread = "No", string? legs = null,
        string onset = "RightAfter", string notes = "")
    {
        var fields = new List<(string, string)>
        {
            ("Input.RunId", runId?.ToString() ?? ""),
            ("Input.RecordedAt", recordedAt),
            ("Input.Stiffness", stiffness),
            ("Input.LegSpread", legSpread),
            ("Input.Onset", onset),
            ("Input.Notes", notes),
        };
        if (pain is { } value)
        {
            fields.Add(("Input.Pain", value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (legs is not null)
        {
            fields.Add(("Input.LegsAffected", legs));
        }
        fields.AddRange((locations ?? ["Centre"]).Select(l => ("Input.Locations", l)));
        return await PostFormAsync("/check-ins/new", [.. fields]);
    }
}
