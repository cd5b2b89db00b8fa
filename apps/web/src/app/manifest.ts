// The web app manifest (X3): lets a shop's tablet or a rider's phone add Bloom to the Home Screen as
// an app of its own. iPhone and iPad deliver web push only to such an app (display: standalone).
import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Bloom",
    short_name: "Bloom",
    description: "Flower delivery from local shops",
    // "/" sends each role to its home: the board, the rider screen, the shops.
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#fdf8f4",
    theme_color: "#b0284f",
    icons: [
      { src: "/img/push-icon.png", sizes: "192x192", type: "image/png" },
      { src: "/img/app-icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
}
