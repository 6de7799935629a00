# Adventure Works Cycles: the Exchange organization as it is (shared by both
# drafts).

organization "Adventure Works" {
  forest_functional_level = "2003"
}

site "Bothell" {}

domain_controller "AW-DC01" {
  site           = "Bothell"
  os             = "2003"
  global_catalog = true
}

server "AW-FE03" {
  site    = "Bothell"
  version = "2003"
  update  = "SP2"
  roles   = ["front_end"]
  os      = "2003"
}

server "AW-EX03" {
  site    = "Bothell"
  version = "2003"
  update  = "SP2"
  roles   = ["back_end"]
  os      = "2003"
}

# The sales team's mailboxes never moved off Exchange 2000.
server "AW-EX2K" {
  site    = "Bothell"
  version = "2000"
  update  = "SP3"
  roles   = ["back_end"]
  os      = "2000"
}

domain "adventure-works.com" {
  accepted     = "authoritative"
  verified     = true
  mx           = "on_premises"
  autodiscover = "on_premises"
}

tenant "adventureworks.onmicrosoft.com" {
  plan = "Business Standard"
}
