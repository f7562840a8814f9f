using System.Net;
using Backstride.Web.Tests.Infrastructure;

namespace Backstride.Web.Tests.Insights;

/// <summary>An app that allows two sample runners per address per hour, so the third is refused.</summary>
public sealed class TwoSampleRunnersAnHourApp : BackstrideApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [new("SampleData:PerAddressPerHour", "2")];
}

public sealed class SampleDataLimitTests(TwoSampleRunnersAnHourApp app) : IClassFixture<TwoSampleRunnersAnHourApp>
{
    [Fact]
    public async Task SampleData_ThirdInAnHourFromOneAddress_IsRefusedWithAPlainPageAndMakesNoAccount()
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var visitor = app.NewRunner();
            var token = await visitor.AntiforgeryTokenAsync("/sample-data");
            answers.Add((await visitor.PostWithTokenAsync("/sample-data", token)).StatusCode);
        }
        var explanation = await app.NewRunner().Http.GetAsync("/sample-data");

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(2, await app.ReadAsAsync(null, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .CountAsync(db.Users, u => u.Email!.EndsWith("@sample.backstride.invalid"))));
        // Reading what the sample runner is stays open.
        Assert.Equal(HttpStatusCode.OK, explanation.StatusCode);
    }
}
