//! Pan and zoom: which part of the world the map's frame shows, and how wheel, drag, pinch,
//! buttons and keys change it.

use std::collections::BTreeMap;

use super::projection::{world_height, Point, WORLD_WIDTH};

/// Deepest zoom, relative to the whole world filling the frame: enough to tell Moscow from
/// Korolev (20 km apart).
pub const MAX_ZOOM: f64 = 96.0;
/// How far "Fit to places" zooms in on a single place.
pub const FIT_MAX_ZOOM: f64 = 12.0;
/// One press of + or −.
pub const ZOOM_STEP: f64 = 1.5;
/// One arrow key moves the view by this share of the frame.
pub const PAN_STEP: f64 = 0.15;

/// screen = world × scale + (tx, ty), in the frame's CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub width: f64,
    pub height: f64,
    pub scale: f64,
    pub tx: f64,
    pub ty: f64,
}

/// What a key, button or gesture asks of the view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Command {
    /// Move the view by a share of the frame: (1, 0) shows what is to the east.
    Pan(f64, f64),
    Zoom(f64),
    ShowWorld,
}

/// The command a key stands for when the map has focus.
pub fn key_command(key: &str) -> Option<Command> {
    Some(match key {
        "ArrowLeft" => Command::Pan(-PAN_STEP, 0.0),
        "ArrowRight" => Command::Pan(PAN_STEP, 0.0),
        "ArrowUp" => Command::Pan(0.0, -PAN_STEP),
        "ArrowDown" => Command::Pan(0.0, PAN_STEP),
        "+" | "=" => Command::Zoom(ZOOM_STEP),
        "-" | "_" => Command::Zoom(1.0 / ZOOM_STEP),
        "0" | "Home" => Command::ShowWorld,
        _ => return None,
    })
}

impl Viewport {
    /// The whole world, centred in a frame of this size.
    pub fn world(width: f64, height: f64) -> Viewport {
        let width = width.max(1.0);
        let height = height.max(1.0);
        let scale = Self::base_scale(width, height);
        Viewport {
            width,
            height,
            scale,
            tx: (width - WORLD_WIDTH * scale) / 2.0,
            ty: (height - world_height() * scale) / 2.0,
        }
    }

    fn base_scale(width: f64, height: f64) -> f64 {
        (width / WORLD_WIDTH).min(height / world_height())
    }

    /// How far in the view is zoomed: 1 shows the whole world.
    pub fn zoom(&self) -> f64 {
        self.scale / Self::base_scale(self.width, self.height)
    }

    pub fn to_screen(&self, world: Point) -> Point {
        Point::new(
            world.x * self.scale + self.tx,
            world.y * self.scale + self.ty,
        )
    }

    pub fn to_world(&self, screen: Point) -> Point {
        Point::new(
            (screen.x - self.tx) / self.scale,
            (screen.y - self.ty) / self.scale,
        )
    }

    /// The SVG transform that draws world coordinates in this view.
    pub fn transform(&self) -> String {
        format!(
            "translate({:.2} {:.2}) scale({:.5})",
            self.tx, self.ty, self.scale
        )
    }

    /// The same view in a frame of another size, keeping its centre and zoom.
    pub fn resized(&self, width: f64, height: f64) -> Viewport {
        let centre = self.to_world(Point::new(self.width / 2.0, self.height / 2.0));
        let zoom = self.zoom();
        Viewport::world(width, height).centred_on(centre, zoom)
    }

    fn centred_on(self, centre: Point, zoom: f64) -> Viewport {
        let base = Self::base_scale(self.width, self.height);
        let scale = base * zoom.clamp(1.0, MAX_ZOOM);
        let mut view = Viewport {
            scale,
            tx: self.width / 2.0 - centre.x * scale,
            ty: self.height / 2.0 - centre.y * scale,
            ..self
        };
        view.keep_world_in_frame();
        view
    }

    /// Zooms by `factor`, keeping the world point under `anchor` (a screen point) where it is.
    pub fn zoom_at(&self, factor: f64, anchor: Point) -> Viewport {
        if !factor.is_finite() || factor <= 0.0 {
            return *self;
        }
        let base = Self::base_scale(self.width, self.height);
        let scale = (self.scale * factor).clamp(base, base * MAX_ZOOM);
        let under = self.to_world(anchor);
        let mut view = Viewport {
            scale,
            tx: anchor.x - under.x * scale,
            ty: anchor.y - under.y * scale,
            ..*self
        };
        view.keep_world_in_frame();
        view
    }

    /// Moves the drawing by (dx, dy) screen pixels (a drag to the right moves the map right).
    pub fn pan_by(&self, dx: f64, dy: f64) -> Viewport {
        let mut view = Viewport {
            tx: self.tx + dx,
            ty: self.ty + dy,
            ..*self
        };
        view.keep_world_in_frame();
        view
    }

    pub fn apply(&self, command: Command) -> Viewport {
        let centre = Point::new(self.width / 2.0, self.height / 2.0);
        match command {
            Command::Pan(x, y) => self.pan_by(-x * self.width, -y * self.height),
            Command::Zoom(factor) => self.zoom_at(factor, centre),
            Command::ShowWorld => Viewport::world(self.width, self.height),
        }
    }

    /// Frames the world box spanned by `points`, leaving `padding` pixels on every side, and never
    /// zooming in deeper than [`FIT_MAX_ZOOM`] (a single place is shown with its surroundings).
    pub fn fit(&self, points: &[Point], padding: f64) -> Viewport {
        let Some(first) = points.first() else {
            return Viewport::world(self.width, self.height);
        };
        let (mut min, mut max) = (*first, *first);
        for p in points {
            min = Point::new(min.x.min(p.x), min.y.min(p.y));
            max = Point::new(max.x.max(p.x), max.y.max(p.y));
        }
        let base = Self::base_scale(self.width, self.height);
        let room_x = (self.width - 2.0 * padding).max(1.0);
        let room_y = (self.height - 2.0 * padding).max(1.0);
        let scale_x = room_x / (max.x - min.x).max(1e-9);
        let scale_y = room_y / (max.y - min.y).max(1e-9);
        let zoom = (scale_x.min(scale_y) / base).min(FIT_MAX_ZOOM);
        let centre = Point::new((min.x + max.x) / 2.0, (min.y + max.y) / 2.0);
        self.centred_on(centre, zoom)
    }

    /// Where the world is larger than the frame it covers the frame (no empty space beyond the
    /// map's edge); where it is smaller it is centred. Either way the map cannot be lost.
    fn keep_world_in_frame(&mut self) {
        fn clamp_axis(offset: f64, extent: f64, frame: f64) -> f64 {
            if extent >= frame {
                offset.clamp(frame - extent, 0.0)
            } else {
                (frame - extent) / 2.0
            }
        }
        self.tx = clamp_axis(self.tx, WORLD_WIDTH * self.scale, self.width);
        self.ty = clamp_axis(self.ty, world_height() * self.scale, self.height);
    }
}

/// The pointers on the map (mouse, pen, fingers): one drags, two pinch.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gesture {
    pointers: BTreeMap<i32, Point>,
}

impl Gesture {
    pub fn down(&mut self, id: i32, at: Point) {
        self.pointers.insert(id, at);
    }

    pub fn up(&mut self, id: i32) {
        self.pointers.remove(&id);
    }

    pub fn is_active(&self) -> bool {
        !self.pointers.is_empty()
    }

    /// A pointer moved: the view that follows it. Pointers not pressed on the map are ignored.
    pub fn moved(&mut self, id: i32, to: Point, view: &Viewport) -> Viewport {
        let Some(from) = self.pointers.get(&id).copied() else {
            return *view;
        };
        let other = self
            .pointers
            .iter()
            .find(|(&key, _)| key != id)
            .map(|(_, &p)| p);
        self.pointers.insert(id, to);
        match other {
            None => view.pan_by(to.x - from.x, to.y - from.y),
            Some(other) => {
                let before = from.distance(other);
                let after = to.distance(other);
                let mid_before = Point::new((from.x + other.x) / 2.0, (from.y + other.y) / 2.0);
                let mid_after = Point::new((to.x + other.x) / 2.0, (to.y + other.y) / 2.0);
                let factor = if before > 1.0 { after / before } else { 1.0 };
                view.zoom_at(factor, mid_before)
                    .pan_by(mid_after.x - mid_before.x, mid_after.y - mid_before.y)
            }
        }
    }
}

/// The zoom factor for a wheel turn: a notch (about 100 pixels of delta) is one ±-press.
pub fn wheel_factor(delta_y: f64) -> f64 {
    ZOOM_STEP.powf((-delta_y / 100.0).clamp(-3.0, 3.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::basemap::LonLat;
    use crate::map::projection::project;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn the_world_view_centres_the_map() {
        let view = Viewport::world(800.0, 400.0);
        let centre = view.to_screen(project(LonLat { lon: 0.0, lat: 0.0 }));
        assert!(
            close(centre.x, 400.0) && close(centre.y, 200.0),
            "{centre:?}"
        );
        assert!(close(view.zoom(), 1.0));
        let p = Point::new(123.0, 45.0);
        let back = view.to_world(view.to_screen(p));
        assert!(close(back.x, p.x) && close(back.y, p.y));
    }

    #[test]
    fn zoom_keeps_the_anchor_and_stays_in_bounds() {
        let view = Viewport::world(800.0, 400.0);
        let anchor = Point::new(500.0, 150.0);
        let under = view.to_world(anchor);
        let zoomed = view.zoom_at(2.0, anchor);
        assert!(close(zoomed.zoom(), 2.0));
        let again = zoomed.to_screen(under);
        assert!(close(again.x, anchor.x) && close(again.y, anchor.y));
        assert!(
            close(view.zoom_at(0.1, anchor).zoom(), 1.0),
            "never smaller than the world"
        );
        assert!(close(view.zoom_at(1e6, anchor).zoom(), MAX_ZOOM));
        assert_eq!(view.zoom_at(f64::NAN, anchor), view);
        let out = view
            .apply(Command::Zoom(ZOOM_STEP))
            .apply(Command::Zoom(1.0 / ZOOM_STEP));
        assert!(close(out.zoom(), 1.0));
    }

    #[test]
    fn panning_never_loses_the_world_nor_shows_beyond_it() {
        let view = Viewport::world(800.0, 400.0).apply(Command::Zoom(4.0));
        let far = view.pan_by(1e7, -1e7);
        assert!(
            close(far.tx, 0.0),
            "the west edge stops at the frame's left"
        );
        assert!(
            close(far.ty + world_height() * far.scale, 400.0),
            "the south edge at its bottom"
        );
        let east = view.apply(Command::Pan(PAN_STEP, 0.0));
        assert!(east.tx < view.tx, "the east comes into view");
        // Zoomed out, the world is smaller than the frame one way and stays centred that way.
        let wide = Viewport::world(1000.0, 200.0);
        assert_eq!(wide.pan_by(300.0, 0.0), wide);
    }

    #[test]
    fn keys_map_to_commands() {
        assert_eq!(key_command("ArrowUp"), Some(Command::Pan(0.0, -PAN_STEP)));
        assert_eq!(key_command("+"), Some(Command::Zoom(ZOOM_STEP)));
        assert_eq!(key_command("-"), Some(Command::Zoom(1.0 / ZOOM_STEP)));
        assert_eq!(key_command("0"), Some(Command::ShowWorld));
        assert_eq!(key_command("a"), None);
    }

    #[test]
    fn fit_frames_every_point_with_padding() {
        let view = Viewport::world(800.0, 400.0);
        let moscow = project(LonLat {
            lon: 37.62,
            lat: 55.76,
        });
        let tehran = project(LonLat {
            lon: 51.39,
            lat: 35.69,
        });
        let fitted = view.fit(&[moscow, tehran], 40.0);
        assert!(fitted.zoom() > 2.0);
        for p in [moscow, tehran] {
            let s = fitted.to_screen(p);
            assert!(
                s.x >= 39.9 && s.x <= 760.1 && s.y >= 39.9 && s.y <= 360.1,
                "{s:?}"
            );
        }
        let single = view.fit(&[moscow], 40.0);
        assert!(close(single.zoom(), FIT_MAX_ZOOM));
        let s = single.to_screen(moscow);
        assert!(close(s.x, 400.0) && close(s.y, 200.0));
        assert_eq!(view.fit(&[], 40.0), view);
    }

    #[test]
    fn one_pointer_drags_and_two_pinch() {
        let view = Viewport::world(800.0, 400.0).apply(Command::Zoom(2.0));
        let mut gesture = Gesture::default();
        assert_eq!(
            gesture.moved(1, Point::new(5.0, 5.0), &view),
            view,
            "hovering is not dragging"
        );
        gesture.down(1, Point::new(100.0, 100.0));
        let dragged = gesture.moved(1, Point::new(130.0, 90.0), &view);
        assert!(close(dragged.tx - view.tx, 30.0) && close(dragged.ty - view.ty, -10.0));
        gesture.down(2, Point::new(230.0, 90.0));
        let pinched = gesture.moved(2, Point::new(330.0, 90.0), &dragged);
        assert!(close(pinched.zoom() / dragged.zoom(), 2.0));
        gesture.up(1);
        gesture.up(2);
        assert!(!gesture.is_active());
        assert!(wheel_factor(-100.0) > 1.0 && wheel_factor(100.0) < 1.0);
    }
}
