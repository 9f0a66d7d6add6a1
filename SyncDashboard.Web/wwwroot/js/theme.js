// Remembers the light/dark choice for a year; the server reads it to render the first paint in that mode.
export function remember(mode) {
    document.cookie = `sd-theme=${encodeURIComponent(mode)}; path=/; max-age=31536000; samesite=lax`;
}
