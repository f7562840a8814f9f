using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Backstride.Web.Tests.Infrastructure;

namespace Backstride.Web.Tests.Api;

public abstract class DiaryApiTests(BackstrideApp app)
{
    [Fact]
    public async Task Runs_WithoutSigningIn_Answer401ProblemDetailsNotARedirect()
    {
        var visitor = app.NewRunner();

        var response = await visitor.Http.GetAsync("/api/v1/runs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Token_WrongPassword_Answers401AndNoToken()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();
        var other = app.NewRunner();

        var response = await other.Http.PostAsJsonAsync("/api/v1/account/token", new { email = runner.Email, password = "wrong wrong wrong" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("That e-mail and password don't match an account.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Register_WithoutConsent_Answers400NamingTheField()
    {
        var visitor = app.NewRunner();

        var response = await visitor.Http.PostAsJsonAsync("/api/v1/account/register",
            new { email = RunnerClient.UniqueEmail(), password = RunnerClient.Password, healthDataConsent = false });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("healthDataConsent", out _));
    }

    [Fact]
    public async Task Runs_CreateReadUpdateDelete_WithABearerToken()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();

        var created = await runner.Http.PostAsJsonAsync("/api/v1/runs", new
        {
            startedAt = "2026-11-24T17:45:00-05:00",
            distanceMetres = 8000,
            durationSeconds = 2520,
            surface = "treadmill",
            shoes = "Clifton 9",
            stretchedBefore = true,
            effort = 4,
            notes = "easy",
        });
        var run = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = run.GetProperty("id").GetGuid();
        var updated = await runner.Http.PutAsJsonAsync($"/api/v1/runs/{id}", new
        {
            startedAt = "2026-11-24T17:45:00-05:00",
            distanceMetres = 9000,
            durationSeconds = 2700,
            surface = "road",
        });
        var afterUpdate = await runner.Http.GetFromJsonAsync<JsonElement>($"/api/v1/runs/{id}");
        var deleted = await runner.Http.DeleteAsync($"/api/v1/runs/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/runs/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 22, 45, 0, TimeSpan.Zero), run.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal(315, run.GetProperty("paceSecondsPerKm").GetDouble(), precision: 6);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(9000, afterUpdate.GetProperty("distanceMetres").GetDouble());
        Assert.Equal(300, afterUpdate.GetProperty("paceSecondsPerKm").GetDouble(), precision: 6);
        Assert.Equal(JsonValueKind.Null, afterUpdate.GetProperty("shoes").ValueKind);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await runner.Http.GetAsync($"/api/v1/runs/{id}")).StatusCode);
    }

    [Fact]
    public async Task Runs_InvalidValues_Answer400NamingEveryApiField()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();

        var response = await runner.Http.PostAsJsonAsync("/api/v1/runs", new
        {
            startedAt = DateTimeOffset.UtcNow.AddDays(2),
            distanceMetres = -1,
            durationSeconds = 1e12,
            effort = 0,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["distanceMetres", "durationSeconds", "effort", "startedAt", "surface"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await runner.Http.GetFromJsonAsync<JsonElement>("/api/v1/runs")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Runs_MalformedJson_Answers400SayingWhere()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();

        var response = await runner.Http.PostAsync("/api/v1/runs",
            new StringContent("""{"distanceMetres": "far"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("$.distanceMetres", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_PageSizeTooLarge_Answers400()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();

        var response = await runner.Http.GetAsync("/api/v1/runs?pageSize=1000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CheckIns_CreateWithoutTime_IsNowAndLinkedToTheRun()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();
        var run = await (await runner.Http.PostAsJsonAsync("/api/v1/runs", new
        {
            startedAt = DateTimeOffset.UtcNow.AddHours(-1),
            distanceMetres = 5000,
            durationSeconds = 1500,
            surface = "road",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var runId = run.GetProperty("id").GetGuid();

        var created = await runner.Http.PostAsJsonAsync("/api/v1/check-ins", new
        {
            runId,
            pain = 5,
            locations = new[] { "centre", "downALeg" },
            stiffness = "mild",
            legSpread = "buttockOrThigh",
            legsAffected = "bothLegs",
            onset = "hoursLater",
        });
        var checkIn = await created.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(runId, checkIn.GetProperty("runId").GetGuid());
        Assert.InRange(checkIn.GetProperty("recordedAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
        Assert.Equal(["centre", "downALeg"], checkIn.GetProperty("locations").EnumerateArray().Select(l => l.GetString()!));
        Assert.Equal("bothLegs", checkIn.GetProperty("legsAffected").GetString());
    }

    [Fact]
    public async Task CheckIns_PutThenDelete_ReplaceAndRemoveTheCheckIn()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();
        var created = await (await runner.Http.PostAsJsonAsync("/api/v1/check-ins", new
        {
            recordedAt = "2026-11-20T08:00:00Z", pain = 6, stiffness = "severe", legSpread = "no", notes = "first",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        var put = await runner.Http.PutAsJsonAsync($"/api/v1/check-ins/{id}", new
        {
            recordedAt = "2026-11-20T08:00:00+01:00", pain = 2, locations = new[] { "right" }, stiffness = "mild",
            legSpread = "buttockOrThigh", legsAffected = "oneLeg", notes = "better",
        });
        var replaced = await runner.Http.GetFromJsonAsync<JsonElement>($"/api/v1/check-ins/{id}");
        var deleted = await runner.Http.DeleteAsync($"/api/v1/check-ins/{id}");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(2, replaced.GetProperty("pain").GetInt32());
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 7, 0, 0, TimeSpan.Zero), replaced.GetProperty("recordedAt").GetDateTimeOffset());
        Assert.Equal("buttockOrThigh", replaced.GetProperty("legSpread").GetString());
        Assert.Equal("better", replaced.GetProperty("notes").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await runner.Http.GetAsync($"/api/v1/check-ins/{id}")).StatusCode);
    }

    [Fact]
    public async Task CheckIns_InvalidAnswers_Answer400NamingTheFields()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();

        var response = await runner.Http.PostAsJsonAsync("/api/v1/check-ins", new
        {
            pain = 12,
            legSpread = "belowKnee",
            notes = new string('x', 10_001),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["legsAffected", "notes", "pain", "stiffness"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CheckIns_PutWithoutTime_RefusedRatherThanMovedToNow()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();
        var created = await (await runner.Http.PostAsJsonAsync("/api/v1/check-ins", new
        {
            recordedAt = "2026-11-20T08:00:00Z", pain = 3, stiffness = "none", legSpread = "no",
        })).Content.ReadFromJsonAsync<JsonElement>();

        var response = await runner.Http.PutAsJsonAsync($"/api/v1/check-ins/{created.GetProperty("id").GetGuid()}",
            new { pain = 2, stiffness = "none", legSpread = "no" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("recordedAt", out _));
    }

    [Fact]
    public async Task Settings_PutMilesAndBirthYear_AreKept()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();

        var put = await runner.Http.PutAsJsonAsync("/api/v1/settings", new { units = "miles", timeZone = "Asia/Tokyo", birthYear = 1970 });
        var bad = await runner.Http.PutAsJsonAsync("/api/v1/settings", new { units = "miles", timeZone = "Mars/Olympus", birthYear = 1800 });
        var settings = await runner.Http.GetFromJsonAsync<JsonElement>("/api/v1/settings");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("miles", settings.GetProperty("units").GetString());
        Assert.Equal("Asia/Tokyo", settings.GetProperty("timeZone").GetString());
        Assert.Equal(1970, settings.GetProperty("birthYear").GetInt32());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheDiaryEndpoints_AndTheReferencePageLoads()
    {
        var visitor = app.NewRunner();

        var document = await visitor.Http.GetFromJsonAsync<JsonElement>("/api/openapi/v1.json");
        var docs = await visitor.Http.GetAsync("/api/docs/");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/runs", paths);
        Assert.Contains("/api/v1/runs/{id}", paths);
        Assert.Contains("/api/v1/check-ins", paths);
        Assert.Contains("/api/v1/account/token", paths);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("Backstride API", await docs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class DiaryApiTestsOnSqlite(BackstrideApp app) : DiaryApiTests(app), IClassFixture<BackstrideApp>;

public sealed class DiaryApiTestsOnPostgres(PostgresBackstrideApp app) : DiaryApiTests(app), IClassFixture<PostgresBackstrideApp>;
