using Backstride.Data.Diary;
using Microsoft.Extensions.Options;

namespace Backstride.Web.Features.Imports;

public static class ImportsSetup
{
    /// <summary>Watch-file imports: limits from "Import", the upload receiver, the queue and its background worker.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImportOptions>().Bind(configuration.GetSection(ImportOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ImportOptions>, ImportOptionsValidation>();
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<ImportFolders>();
        services.AddScoped<ImportStore>();
        services.AddScoped<ImportUploads>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}
