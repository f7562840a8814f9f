namespace Backstride.Activities.Fit;

/// <summary>The parts of Garmin's FIT profile this decoder uses: message and field numbers, and names of sports.</summary>
internal static class FitProfile
{
    /// <summary>FIT's epoch, 1989-12-31T00:00:00Z, as .NET ticks.</summary>
    public static readonly DateTime Epoch = new(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Timestamps below this count seconds since the device powered on, not since the epoch.</summary>
    public const uint MinAbsoluteTimestamp = 0x10000000;

    public const int Timestamp = 253;

    public static class Messages
    {
        public const int FileId = 0;
        public const int Sport = 12;
        public const int Session = 18;
        public const int Lap = 19;
        public const int Record = 20;
        public const int FieldDescription = 206;
        public const int DeveloperDataId = 207;
    }

    public static DateTime ToDateTime(uint timestamp) => Epoch.AddSeconds(timestamp);

    public static double SemicirclesToDegrees(double semicircles) => semicircles * (180.0 / 2147483648.0);

    private static readonly string[] Sports =
    [
        "generic", "running", "cycling", "transition", "fitness_equipment", "swimming", "basketball", "soccer",
        "tennis", "american_football", "training", "walking", "cross_country_skiing", "alpine_skiing",
        "snowboarding", "rowing", "mountaineering", "hiking", "multisport", "paddling", "flying", "e_biking",
        "motorcycling", "boating", "driving", "golf", "hang_gliding", "horseback_riding", "hunting", "fishing",
        "inline_skating", "rock_climbing", "sailing", "ice_skating", "sky_diving", "snowshoeing", "snowmobiling",
        "stand_up_paddleboarding", "surfing", "wakeboarding", "water_skiing", "kayaking", "rafting", "windsurfing",
        "kitesurfing", "tactical", "jumpmaster", "boxing", "floor_climbing",
    ];

    private static readonly string[] SubSports =
    [
        "generic", "treadmill", "street", "trail", "track", "spin", "indoor_cycling", "road", "mountain", "downhill",
        "recumbent", "cyclocross", "hand_cycling", "track_cycling", "indoor_rowing", "elliptical", "stair_climbing",
        "lap_swimming", "open_water", "flexibility_training", "strength_training", "warm_up", "match", "exercise",
        "challenge", "indoor_skiing", "cardio_training", "indoor_walking", "e_bike_fitness", "bmx", "casual_walking",
        "speed_walking", "bike_to_run_transition", "run_to_bike_transition", "swim_to_bike_transition", "atv",
        "motocross", "backcountry", "resort", "rc_drone", "wingsuit", "whitewater", "skate_skiing", "yoga",
        "pilates", "indoor_running", "gravel_cycling", "e_bike_mountain", "commuting", "mixed_surface",
        "navigate", "track_me", "map", "single_gas_diving", "multi_gas_diving", "gauge_diving", "apnea_diving",
        "apnea_hunting", "virtual_activity", "obstacle",
    ];

    public static string SportName(int value) =>
        value >= 0 && value < Sports.Length ? Sports[value] : value == 254 ? "all" : $"sport_{value}";

    public static string SubSportName(int value) =>
        value >= 0 && value < SubSports.Length ? SubSports[value] : value == 254 ? "all" : $"sub_sport_{value}";

    /// <summary>Sports whose cadence FIT stores per leg (strides), so steps per minute are twice the value.</summary>
    public static bool CountsStridesPerLeg(string sport) => sport is "running" or "walking" or "hiking" or "generic";
}
