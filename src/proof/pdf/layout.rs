//! Lines on A4 pages: wrapping by the fonts' own glyph advances, page breaks, and drawing
//! with krilla (fonts embedded and subset). Written here because the content is a simple
//! flow of labelled fields and paragraphs; a typesetting engine would be megabytes for it.

use std::sync::{Arc, OnceLock};

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::Point;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::text::{Font, TextDirection};

static SANS: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");
static MONO: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSansMono.ttf");

/// The marks the PDF draws before a stage: reached, cannot come, may still come. Each must be
/// in the embedded fonts (a test checks): a missing glyph prints as an empty box, which is why
/// "may still come" is a circle here and the window's hourglass there.
pub const REACHED: char = '✔';
pub const NEVER: char = '✖';
pub const WAITING: char = '○';

pub const PAGE_WIDTH: f32 = 595.0;
pub const PAGE_HEIGHT: f32 = 842.0;
pub const MARGIN: f32 = 50.0;
const BOTTOM: f32 = PAGE_HEIGHT - 60.0;
/// Where a field's value starts, after its label.
pub const VALUE_X: f32 = MARGIN + 150.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Title,
    Heading,
    Body,
    Label,
    Mono,
    /// A hash or fingerprint: monospace, large enough to read, small enough for 64 digits.
    Hash,
    Small,
}

impl Style {
    fn size(self) -> f32 {
        match self {
            Self::Title => 17.0,
            Self::Heading => 11.5,
            Self::Body | Self::Label => 9.0,
            Self::Small | Self::Hash => 8.0,
            Self::Mono => 7.0,
        }
    }

    fn leading(self) -> f32 {
        self.size() * 1.35
    }

    fn face(self) -> Face {
        match self {
            Self::Title | Self::Heading => Face::Bold,
            Self::Body | Self::Label | Self::Small => Face::Sans,
            Self::Mono | Self::Hash => Face::Mono,
        }
    }

    fn grey(self) -> bool {
        matches!(self, Self::Label | Self::Small)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Face {
    Sans,
    Bold,
    Mono,
}

/// The three faces, parsed once per process: for measuring (ttf-parser) and for drawing
/// (krilla).
struct Fonts {
    measure: [ttf_parser::Face<'static>; 3],
    draw: [Font; 3],
}

fn fonts() -> Option<&'static Fonts> {
    static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let measure = [
                ttf_parser::Face::parse(SANS, 0).ok()?,
                ttf_parser::Face::parse(BOLD, 0).ok()?,
                ttf_parser::Face::parse(MONO, 0).ok()?,
            ];
            let draw = [
                Font::new(Arc::new(SANS.to_vec()).into(), 0)?,
                Font::new(Arc::new(BOLD.to_vec()).into(), 0)?,
                Font::new(Arc::new(MONO.to_vec()).into(), 0)?,
            ];
            Some(Fonts { measure, draw })
        })
        .as_ref()
}

fn index(face: Face) -> usize {
    match face {
        Face::Sans => 0,
        Face::Bold => 1,
        Face::Mono => 2,
    }
}

/// One line placed on a page.
#[derive(Clone, Debug)]
struct Placed {
    x: f32,
    y: f32,
    style: Style,
    text: String,
}

/// Text flowed onto pages, then drawn.
pub struct Layout {
    fonts: &'static Fonts,
    pages: Vec<Vec<Placed>>,
    y: f32,
}

impl Layout {
    /// A layout with one empty page, or `None` when the embedded fonts do not parse.
    pub fn new() -> Option<Self> {
        Some(Self {
            fonts: fonts()?,
            pages: vec![Vec::new()],
            y: MARGIN,
        })
    }

    /// Space before the next line.
    pub fn gap(&mut self, points: f32) {
        self.y += points;
    }

    /// A paragraph from `x` to the right margin, wrapped at spaces (or anywhere, for long
    /// words such as hashes), each input line starting a new line.
    pub fn paragraph(&mut self, style: Style, x: f32, text: &str) {
        for line in wrap(self.fonts, style, PAGE_WIDTH - MARGIN - x, text) {
            self.line(style, x, line);
        }
    }

    /// A heading, kept with at least two lines after it.
    pub fn heading(&mut self, text: &str) {
        if self.y + Style::Heading.leading() + 2.0 * Style::Body.leading() > BOTTOM {
            self.new_page();
        }
        self.gap(8.0);
        self.paragraph(Style::Heading, MARGIN, text);
        self.gap(2.0);
    }

    /// A label and its value beside it (the value wraps in its column).
    pub fn field(&mut self, label: &str, value: &str) {
        self.field_in(Style::Body, label, value);
    }

    /// A label and a hash or fingerprint beside it.
    pub fn hash_field(&mut self, label: &str, value: &str) {
        self.field_in(Style::Hash, label, value);
    }

    fn field_in(&mut self, style: Style, label: &str, value: &str) {
        let lines = wrap(self.fonts, style, PAGE_WIDTH - MARGIN - VALUE_X, value);
        if self.y + Style::Body.leading() > BOTTOM {
            self.new_page();
        }
        let top = self.y;
        for label_line in wrap(self.fonts, Style::Label, VALUE_X - MARGIN - 6.0, label) {
            self.line(Style::Label, MARGIN, label_line);
        }
        let label_bottom = self.y;
        self.y = top;
        for line in lines {
            self.line(style, VALUE_X, line);
        }
        self.y = self.y.max(label_bottom);
    }

    fn line(&mut self, style: Style, x: f32, text: String) {
        if self.y + style.leading() > BOTTOM {
            self.new_page();
        }
        self.y += style.leading();
        if let Some(page) = self.pages.last_mut() {
            page.push(Placed {
                x,
                y: self.y,
                style,
                text,
            });
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// The PDF: every page with a footer (`footer(page, pages)`), fonts embedded.
    pub fn render(
        self,
        title: &str,
        footer: impl Fn(usize, usize) -> String,
    ) -> Result<Vec<u8>, String> {
        let mut document = Document::new();
        document.set_metadata(
            krilla::metadata::Metadata::new()
                .title(title.to_owned())
                .creator(format!("Stempel {}", env!("CARGO_PKG_VERSION"))),
        );
        let settings =
            PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or("the page size is invalid")?;
        let pages = self.pages.len();
        let fonts = self.fonts;
        for (n, placed) in self.pages.into_iter().enumerate() {
            let mut page = document.start_page_with(settings.clone());
            let mut surface = page.surface();
            let foot_text = footer(n + 1, pages);
            let foot = Placed {
                x: MARGIN,
                y: PAGE_HEIGHT - 35.0,
                style: Style::Small,
                text: wrap(fonts, Style::Small, PAGE_WIDTH - 2.0 * MARGIN, &foot_text)
                    .into_iter()
                    .next()
                    .unwrap_or_default(),
            };
            for p in placed.iter().chain([&foot]) {
                let grey = if p.style.grey() { 90 } else { 0 };
                surface.set_fill(Some(Fill {
                    paint: rgb::Color::new(grey, grey, grey).into(),
                    ..Fill::default()
                }));
                surface.draw_text(
                    Point::from_xy(p.x, p.y),
                    fonts.draw[index(p.style.face())].clone(),
                    p.style.size(),
                    &p.text,
                    false,
                    TextDirection::Auto,
                );
            }
            surface.finish();
            page.finish();
        }
        document.finish().map_err(|e| format!("{e:?}"))
    }
}

/// Most characters of one paragraph or field: text from outside (a report's fields, a
/// subject) cannot make a page-long line or a slow layout.
const MAX_CHARS: usize = 2_000;

/// `text` in lines no wider than `max` in `style`: broken at spaces, or anywhere in a word
/// wider than the column (hashes), each input line starting a new one. Never empty. Widths are
/// summed as the line grows, so a line costs its length once.
fn wrap(fonts: &Fonts, style: Style, max: f32, text: &str) -> Vec<String> {
    let face = &fonts.measure[index(style.face())];
    let per_em = f32::from(face.units_per_em());
    let advance = |c: char| {
        face.glyph_index(c)
            .and_then(|g| face.glyph_hor_advance(g))
            .map_or(per_em * 0.6, f32::from)
            / per_em
            * style.size()
    };
    let space = advance(' ');
    let mut out = Vec::new();
    let text: String = text.chars().take(MAX_CHARS).collect();
    for source in text.lines() {
        let mut line = String::new();
        let mut width = 0.0;
        for word in source.split(' ') {
            let word_width: f32 = word.chars().map(advance).sum();
            let gap = if line.is_empty() { 0.0 } else { space };
            if width + gap + word_width <= max {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                width += gap + word_width;
                continue;
            }
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
                width = 0.0;
            }
            // A word wider than the column is broken where it overflows.
            for c in word.chars() {
                let w = advance(c);
                if width + w > max && !line.is_empty() {
                    out.push(std::mem::take(&mut line));
                    width = 0.0;
                }
                line.push(c);
                width += w;
            }
        }
        out.push(line);
    }
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marks_and_the_languages_letters_are_in_the_fonts() {
        let fonts = fonts().unwrap();
        for face in &fonts.measure {
            for c in [REACHED, NEVER, WAITING]
                .into_iter()
                .chain("ąęłńóśźżčřůěšžýáíéßäöü—·…".chars())
            {
                assert!(face.glyph_index(c).is_some(), "{c:?} missing");
            }
        }
    }
}
