namespace SyncDashboard.Emulators; public static class EmulatorMarker {}
