use errstatus::HttpStatus;

#[derive(HttpStatus)]
#[status(500)]
pub union Bits {
    int: u32,
    float: f32,
}

fn main() {}
